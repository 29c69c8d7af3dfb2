import { bucketOf, isFuture } from "../buckets";
import type { SeriesMetric } from "../metric";
import { choice, DIMENSIONS } from "../params";
import { loadTasks } from "./load-tasks";

// Share of deployments that failed (failed / (success + failed); canceled ones are neither), per
// bucket of their end, as a ratio 0–1. A bucket without finished deployments has no rate → null.

export const deployFailureRate: SeriesMetric = {
  kind: "series",
  id: "deploy.deployments.failure.rate",
  title: "Deployment failure rate",
  description: "failed / (success + failed) per bucket, by environment (by=env), product or total",
  unit: "percentunit",
  valueName: "failure rate",
  empty: "null",
  params: [
    DIMENSIONS.env,
    DIMENSIONS.product,
    DIMENSIONS.version,
    {
      name: "by",
      label: "Series by",
      kind: "enum",
      options: ["env", "product", "total"],
      defaults: ["total"],
      single: true,
    },
  ],
  async series(ctx) {
    const b = ctx.buckets;
    const by = choice(ctx.params, "by")[0] ?? "total";
    const tasks = await loadTasks(ctx.params, b, { field: "finishedAt", statuses: ["success", "failed"] });
    const groups = new Map<string, { failed: number[]; total: number[] }>();
    for (const t of tasks) {
      const key = by === "env" ? t.env : by === "product" ? t.product : "failure rate";
      const g = groups.get(key) ?? { failed: new Array(b.count).fill(0), total: new Array(b.count).fill(0) };
      groups.set(key, g);
      const i = bucketOf(b, t.finished!);
      g.total[i]! += 1;
      if (t.status === "failed") g.failed[i]! += 1;
    }
    return [...groups.entries()]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([key, g]) => ({
        labels: by === "total" ? { total: key } : { [by]: key },
        values: g.total.map((n, i) => (isFuture(b, i) || n === 0 ? null : g.failed[i]! / n)),
      }));
  },
};
