// A bug's status over time, rebuilt from its status changes (TapdChange, field "status"): the
// status before the first change, then each change from its time on. A bug without history falls
// back on its resolved / closed times. "Open" means not yet resolved: any status but these.

export const DONE_BUG_STATUSES: readonly string[] = ["resolved", "verified", "closed", "rejected"];
export const isOpenStatus = (status: string) => !DONE_BUG_STATUSES.includes(status);

export type BugRow = {
  status: string;
  /** Unix seconds; null when TAPD gave none (the bug then exists from the start of time). */
  created: number | null;
  resolved: number | null;
  closed: number | null;
};
export type StatusChange = { at: number; before: string | null; after: string | null };
export type BugTimeline = {
  created: number | null;
  initial: string;
  steps: { at: number; status: string }[];
};

/** `changes` sorted by time. */
export function bugTimeline(bug: BugRow, changes: readonly StatusChange[]): BugTimeline {
  const withStatus = changes.filter((c) => c.after);
  if (withStatus.length > 0) {
    return {
      created: bug.created,
      initial: withStatus[0]!.before ?? "new",
      steps: withStatus.map((c) => ({ at: c.at, status: c.after! })),
    };
  }
  if (isOpenStatus(bug.status)) return { created: bug.created, initial: bug.status, steps: [] };
  const steps = [
    bug.resolved !== null ? { at: bug.resolved, status: "resolved" } : null,
    bug.closed !== null ? { at: bug.closed, status: "closed" } : null,
  ]
    .filter((s): s is { at: number; status: string } => s !== null)
    .sort((a, b) => a.at - b.at);
  const last = steps.at(-1);
  if (!last) return { created: bug.created, initial: bug.status, steps: [] };
  if (!steps.some((s) => s.status === bug.status)) last.status = bug.status;
  return { created: bug.created, initial: "new", steps };
}

/** Intervals [from, to) in which the bug was open (to = null: still open). */
export function openIntervals(t: BugTimeline): { from: number | null; to: number | null }[] {
  const out: { from: number | null; to: number | null }[] = [];
  let openSince: number | null | undefined = isOpenStatus(t.initial) ? t.created : undefined;
  for (const step of t.steps) {
    const open = isOpenStatus(step.status);
    if (open && openSince === undefined) openSince = step.at;
    else if (!open && openSince !== undefined) {
      out.push({ from: openSince, to: step.at });
      openSince = undefined;
    }
  }
  if (openSince !== undefined) out.push({ from: openSince, to: null });
  return out;
}

export type BugEvent = { kind: "resolved" | "closed" | "reopened"; at: number };

/** Transitions worth counting: into resolved, into closed, and from a done status back to open. */
export function bugEvents(t: BugTimeline): BugEvent[] {
  const events: BugEvent[] = [];
  let previous = t.initial;
  for (const step of t.steps) {
    if (step.status === previous) continue;
    if (step.status === "resolved") events.push({ kind: "resolved", at: step.at });
    if (step.status === "closed") events.push({ kind: "closed", at: step.at });
    if (!isOpenStatus(previous) && isOpenStatus(step.status)) events.push({ kind: "reopened", at: step.at });
    previous = step.status;
  }
  return events;
}
