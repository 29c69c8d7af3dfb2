import { FINAL_TASK_STATUSES } from "@/lib/domain/enums";
import type { EventMetric } from "../metric";
import { choice, DIMENSIONS } from "../params";
import { loadTasks } from "./load-tasks";

// Deployments as Grafana annotations: one region per finished deployment, from its start (or request)
// to its end, tagged with environment, status and product. As a time series (falcon): count per bucket.

export const deployAnnotations: EventMetric = {
  kind: "events",
  id: "deploy.annotations",
  title: "Deployments (annotations)",
  description: "Finished deployments as annotations: start → end, tags environment, status, product",
  unit: "short",
  valueName: "deployments",
  empty: "zero",
  params: [
    DIMENSIONS.env,
    DIMENSIONS.product,
    DIMENSIONS.version,
    {
      name: "status",
      label: "Status",
      kind: "enum",
      options: FINAL_TASK_STATUSES,
      defaults: FINAL_TASK_STATUSES,
    },
  ],
  async events(ctx) {
    const tasks = await loadTasks(ctx.params, ctx.buckets, {
      field: "finishedAt",
      statuses: choice(ctx.params, "status"),
    });
    return tasks.map((t) => ({
      time: t.started ?? t.created,
      timeEnd: t.finished!,
      title: `Deployment #${t.id} ${t.status}`,
      text: `${t.release ? `${t.product} ${t.release}` : t.type} → ${t.env} by ${t.creatorName}`,
      tags: [t.env, t.status, t.product],
    }));
  },
};
