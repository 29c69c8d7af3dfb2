import { bucketOf, sampleTime } from "../buckets";
import type { SeriesMetric } from "../metric";
import { choice, DIMENSIONS } from "../params";
import { SampleStats } from "../series";
import { STATS, type Stat } from "../stats";
import { openIntervals } from "./bug-timeline";
import { loadBugs } from "./load-bugs";

// Age of the open bugs at the end of each bucket (now for the bucket in progress), in seconds since
// each was reported: mean, median, 90th percentile, oldest. No open bug → no age → null.

export const bugAge: SeriesMetric = {
  kind: "series",
  id: "tapd.bugs.open.age",
  title: "Open bug age",
  description: "Age of the bugs open at the end of each bucket (seconds since reported)",
  unit: "s",
  valueName: "age",
  empty: "null",
  params: [
    DIMENSIONS.product,
    DIMENSIONS.bugVersion,
    { name: "stat", label: "Statistic", kind: "enum", options: STATS, defaults: ["mean", "max"] },
  ],
  async series(ctx) {
    const b = ctx.buckets;
    const stats = new SampleStats(b);
    for (const bug of await loadBugs(ctx)) {
      for (const interval of openIntervals(bug)) {
        const lo = interval.from === null ? 0 : Math.max(0, bucketOf(b, interval.from));
        const hi = interval.to === null ? b.count : Math.min(b.count, bucketOf(b, interval.to));
        for (let i = lo; i < hi; i++) {
          const at = sampleTime(b, i);
          // created null: no known age; it still counts as open elsewhere, but not here
          if (bug.created !== null && at > bug.created) stats.addToBucket(i, at - bug.created);
        }
      }
    }
    return stats.series(choice(ctx.params, "stat") as Stat[]);
  },
};
