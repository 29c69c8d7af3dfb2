import type { TEventHead } from "./payloads";

// Which handler an event goes to. Project hooks say what they are in X-Gitlab-Event; system hooks
// always say "System Hook", so routing reads the body: object_kind, else event_name.

export const HANDLERS = ["push", "tag_push", "merge_request", "pipeline", "job", "deployment"] as const;
export type THandlerName = (typeof HANDLERS)[number];

const BY_KIND: Record<string, THandlerName> = {
  push: "push",
  tag_push: "tag_push",
  merge_request: "merge_request",
  pipeline: "pipeline",
  build: "job",
  deployment: "deployment",
};

/** The handler for this event, or null when tao does not handle it ("ignored"). */
export function handlerFor(head: TEventHead): THandlerName | null {
  const kind = head.object_kind ?? head.event_name ?? head.event_type ?? "";
  return BY_KIND[kind] ?? null;
}

export function kindOf(head: TEventHead): string {
  return head.object_kind ?? head.event_name ?? head.event_type ?? "";
}

/** refs/heads/x → x, refs/tags/v1 → v1. */
export function shortRef(ref: string): string {
  return ref.replace(/^refs\/(heads|tags)\//, "");
}

/** Project path and ref, kept in columns so the events page can filter on them. */
export function describeEvent(head: TEventHead): { projectPath: string; ref: string } {
  const projectPath = head.project?.path_with_namespace ?? head.path_with_namespace ?? "";
  const ref = head.ref ?? head.object_attributes?.ref ?? head.object_attributes?.source_branch ?? "";
  return { projectPath: projectPath.slice(0, 500), ref: shortRef(ref).slice(0, 255) };
}
