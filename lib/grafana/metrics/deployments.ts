import { FINAL_TASK_STATUSES, TASK_STATUSES } from "@/lib/domain/enums";
import type { SeriesMetric } from "../metric";
import { choice, DIMENSIONS } from "../params";
import { EventCounter } from "../series";
import { loadTasks } from "./load-tasks";

// Deployments per bucket, counted when they finished, one series per environment (or product, status,
// or one total). Counts: an empty bucket is 0.

export const DEPLOY_GROUPS = ["env", "product", "status", "total"] as const;

export const deploymentCount: SeriesMetric = {
  kind: "series",
  id: "deploy.deployments.count",
  title: "Deployments",
  description: "Finished deployments per bucket, by environment (by=env), product, status or total",
  unit: "short",
  valueName: "deployments",
  empty: "zero",
  params: [
    DIMENSIONS.env,
    DIMENSIONS.product,
    DIMENSIONS.version,
    { name: "status", label: "Status", kind: "enum", options: TASK_STATUSES, defaults: FINAL_TASK_STATUSES },
    { name: "by", label: "Series by", kind: "enum", options: DEPLOY_GROUPS, defaults: ["env"], single: true },
  ],
  async series(ctx) {
    const by = choice(ctx.params, "by")[0] ?? "env";
    const tasks = await loadTasks(ctx.params, ctx.buckets, {
      field: "finishedAt",
      statuses: choice(ctx.params, "status"),
    });
    const counter = new EventCounter(ctx.buckets);
    const group = (t: (typeof tasks)[number]) =>
      by === "total"
        ? { total: "deployments" }
        : { [by]: by === "env" ? t.env : by === "product" ? t.product : t.status };
    for (const t of [...tasks].sort((a, b) =>
      Object.values(group(a))[0]!.localeCompare(Object.values(group(b))[0]!),
    ))
      counter.add(group(t), t.finished!);
    return counter.series();
  },
};
