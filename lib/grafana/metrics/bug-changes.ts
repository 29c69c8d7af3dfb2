import type { SeriesMetric } from "../metric";
import { choice, DIMENSIONS } from "../params";
import { EventCounter } from "../series";
import { bugEvents, isOpenStatus } from "./bug-timeline";
import { loadBugs } from "./load-bugs";

// Bug changes per bucket (the original's "daily" with a daily step): bugs opened (reported), resolved,
// closed, reopened (from a done status back to an open one), and net = the change in open bugs.
// Counts, so an empty bucket is 0.

export const BUG_CHANGE_KINDS = ["opened", "resolved", "closed", "reopened", "net"] as const;

export const bugChanges: SeriesMetric = {
  kind: "series",
  id: "tapd.bugs.change.daily",
  title: "Bug changes per day",
  description: "Bugs opened, resolved, closed and reopened per bucket; net = change in open bugs",
  unit: "short",
  valueName: "bugs",
  empty: "zero",
  params: [
    DIMENSIONS.product,
    DIMENSIONS.bugVersion,
    { name: "kind", label: "Kind", kind: "enum", options: BUG_CHANGE_KINDS, defaults: BUG_CHANGE_KINDS },
  ],
  async series(ctx) {
    const bugs = await loadBugs(ctx);
    if (!bugs.length) return [];
    const kinds = choice(ctx.params, "kind");
    const counter = new EventCounter(ctx.buckets);
    for (const kind of BUG_CHANGE_KINDS) if (kinds.includes(kind)) counter.touch({ kind });
    const count = (kind: string, at: number | null, amount = 1) => {
      if (at !== null && kinds.includes(kind)) counter.add({ kind }, at, amount);
    };
    for (const bug of bugs) {
      count("opened", bug.created);
      if (isOpenStatus(bug.initial)) count("net", bug.created);
      for (const e of bugEvents(bug)) count(e.kind, e.at);
      let previous = bug.initial;
      for (const step of bug.steps) {
        const delta = Number(isOpenStatus(step.status)) - Number(isOpenStatus(previous));
        if (delta) count("net", step.at, delta);
        previous = step.status;
      }
    }
    return counter.series();
  },
};
