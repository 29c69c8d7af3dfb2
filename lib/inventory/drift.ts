import { parseImageRef } from "@/lib/domain/image-ref";

export type Drift = "in-sync" | "other-tag" | "not-running" | "missing" | "unchecked";

/** How what a host reported differs from what tao deployed there. */
export function driftOf(item: {
  tag: string;
  observedImage: string | null;
  observedState: string | null;
  observedAt: Date | null;
}): Drift {
  if (!item.observedAt) return "unchecked";
  if (item.observedState === "missing") return "missing";
  const observedTag = item.observedImage ? parseImageRef(item.observedImage)?.tag : undefined;
  if (observedTag !== item.tag) return "other-tag";
  if (item.observedState !== "running") return "not-running";
  return "in-sync";
}

/** The tag of an image reference as a host reports it ("10.231.0.1:5005/demo/a:v1" → "v1"). */
export function tagOfImage(image: string): string {
  return parseImageRef(image)?.tag ?? image;
}
