import type { SeriesMetric } from "../metric";
import { choice, DIMENSIONS } from "../params";
import { SampleStats } from "../series";
import { STATS, type Stat } from "../stats";
import { loadTasks } from "./load-tasks";

// How long deployments ran (finished − started, seconds), per bucket of their end: mean, median,
// 90th percentile, longest. Successful and failed runs by default; no run in a bucket → null.

export const deployDuration: SeriesMetric = {
  kind: "series",
  id: "deploy.deployments.duration",
  title: "Deployment duration",
  description: "Run time of deployments (finished − started), by the bucket they finished in",
  unit: "s",
  valueName: "duration",
  empty: "null",
  params: [
    DIMENSIONS.env,
    DIMENSIONS.product,
    DIMENSIONS.version,
    {
      name: "status",
      label: "Status",
      kind: "enum",
      options: ["success", "failed", "canceled"],
      defaults: ["success", "failed"],
    },
    { name: "stat", label: "Statistic", kind: "enum", options: STATS, defaults: ["mean", "p90"] },
  ],
  async series(ctx) {
    const stats = new SampleStats(ctx.buckets);
    const tasks = await loadTasks(ctx.params, ctx.buckets, {
      field: "finishedAt",
      statuses: choice(ctx.params, "status"),
    });
    for (const t of tasks) if (t.started !== null) stats.add(t.finished!, t.finished! - t.started);
    return stats.series(choice(ctx.params, "stat") as Stat[]);
  },
};
