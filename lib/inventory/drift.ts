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
  if (!isRunningState(item.observedState)) return "not-running";
  return "in-sync";
}

/**
 * Whether `ps --format {{.State}}` said running: docker and newer podman print "running", podman 4.3
 * (Debian 12) prints the status line ("Up 4 seconds ago").
 */
export function isRunningState(state: string | null): boolean {
  return state === "running" || /^Up\b/.test(state ?? "");
}

/** The tag of an image reference as a host reports it ("10.231.0.1:5005/demo/a:v1" → "v1"). */
export function tagOfImage(image: string): string {
  return parseImageRef(image)?.tag ?? image;
}
