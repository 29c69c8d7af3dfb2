import type { SeriesMetric } from "../metric";
import { choice, DIMENSIONS } from "../params";
import { StateCounter } from "../series";
import { openIntervals } from "./bug-timeline";
import { loadBugs } from "./load-bugs";

// Bugs per product version at the end of each bucket: all bugs reported so far (state=all), or those
// open then (state=open). One series per product and version; counts, so an empty bucket is 0.

export const bugsPerVersion: SeriesMetric = {
  kind: "series",
  id: "tapd.product.version.bugs",
  title: "Bugs per product version",
  description: "Bugs reported against each version (state=all: so far; state=open: open at that time)",
  unit: "short",
  valueName: "bugs",
  empty: "zero",
  params: [
    DIMENSIONS.product,
    DIMENSIONS.bugVersion,
    {
      name: "state",
      label: "State",
      kind: "enum",
      options: ["all", "open"],
      defaults: ["all"],
      single: true,
    },
  ],
  async series(ctx) {
    const counter = new StateCounter(ctx.buckets);
    const onlyOpen = choice(ctx.params, "state")[0] === "open";
    const bugs = await loadBugs(ctx);
    bugs.sort((a, b) => a.product.localeCompare(b.product) || compareVersions(a.version, b.version));
    for (const bug of bugs) {
      const labels = { product: bug.product, version: bug.version };
      counter.touch(labels);
      if (!onlyOpen) counter.add(labels, bug.created, null);
      else for (const i of openIntervals(bug)) counter.add(labels, i.from, i.to);
    }
    return counter.series();
  },
};

/** v1.2.0 < v1.10.0: numbers inside names compare as numbers. */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
