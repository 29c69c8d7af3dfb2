import type { SeriesMetric } from "../metric";
import { choice, DIMENSIONS } from "../params";
import { SampleStats } from "../series";
import { STATS, type Stat } from "../stats";
import { loadTasks } from "./load-tasks";

// How long deployments waited for their environment (started − created, seconds), per bucket of their
// start: mean, median, 90th percentile, longest. Nothing started in a bucket → null.

export const queueWait: SeriesMetric = {
  kind: "series",
  id: "deploy.queue.wait",
  title: "Queue wait",
  description: "Time from request to start of deployments (started − created), by the bucket they started in",
  unit: "s",
  valueName: "wait",
  empty: "null",
  params: [
    DIMENSIONS.env,
    DIMENSIONS.product,
    DIMENSIONS.version,
    { name: "stat", label: "Statistic", kind: "enum", options: STATS, defaults: ["mean", "p90"] },
  ],
  async series(ctx) {
    const stats = new SampleStats(ctx.buckets);
    const tasks = await loadTasks(ctx.params, ctx.buckets, {
      field: "startedAt",
      statuses: ["running", "success", "failed", "canceled"],
    });
    for (const t of tasks) stats.add(t.started!, t.started! - t.created);
    return stats.series(choice(ctx.params, "stat") as Stat[]);
  },
};
