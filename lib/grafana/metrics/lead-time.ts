import { db } from "@/lib/db";
import { ZTaskParams } from "@/lib/tasks/task-params";
import { type Buckets, bucketStart } from "../buckets";
import { selectComponents, selectEnvironments, selectProducts } from "../dimensions";
import type { SeriesMetric } from "../metric";
import { choice, DIMENSIONS, selection } from "../params";
import { type Selection, selectsAll } from "../selection";
import { SampleStats } from "../series";
import { STATS, type Stat } from "../stats";

// Lead time from build to first successful deployment: for each build (component + image tag), the
// end of the first successful deployment that shipped that tag of that component (to one of the
// selected environments) minus when the build was recorded, in seconds, by the bucket the deployment
// ended in. A build shipped before it was recorded (a re-pushed tag) has no lead time. Null when no
// build reached its first deployment in a bucket.

export const leadTime: SeriesMetric = {
  kind: "series",
  id: "deploy.lead.time",
  title: "Lead time: build → first successful deployment",
  description:
    "From a build being recorded to its first successful deployment, by the bucket it was deployed in",
  unit: "s",
  valueName: "lead time",
  empty: "null",
  params: [
    DIMENSIONS.env,
    DIMENSIONS.product,
    DIMENSIONS.component,
    { name: "stat", label: "Statistic", kind: "enum", options: STATS, defaults: ["mean", "p90"] },
  ],
  async series(ctx) {
    const b = ctx.buckets;
    const productSel = selection(ctx.params, "product");
    const productIds = selectsAll(productSel)
      ? undefined
      : (await selectProducts(productSel)).map((p) => p.id);
    const components = await selectComponents(selection(ctx.params, "component"), productIds);
    const firstDeploy = await firstSuccessfulDeploys(selection(ctx.params, "env"), b);
    const builds = await db.build.findMany({
      where: { componentId: { in: components.map((c) => c.id) } },
      select: { componentId: true, tag: true, createdAt: true },
    });
    const stats = new SampleStats(b);
    for (const build of builds) {
      const deployed = firstDeploy.get(`${build.componentId}\u0000${build.tag}`);
      const created = build.createdAt.getTime() / 1000;
      if (deployed !== undefined && deployed >= created) stats.add(deployed, deployed - created);
    }
    return stats.series(choice(ctx.params, "stat") as Stat[]);
  },
};

/** component id + tag → end of its first successful deployment (Unix seconds), up to the range's end. */
async function firstSuccessfulDeploys(envSel: Selection, b: Buckets): Promise<Map<string, number>> {
  const envIds = selectsAll(envSel) ? undefined : (await selectEnvironments(envSel)).map((e) => e.id);
  const tasks = await db.task.findMany({
    where: {
      status: "success",
      finishedAt: { lt: new Date(bucketStart(b, b.count) * 1000) },
      ...(envIds ? { environmentId: { in: envIds } } : {}),
    },
    select: { finishedAt: true, params: true },
    orderBy: { finishedAt: "asc" },
  });
  const first = new Map<string, number>();
  for (const task of tasks) {
    const parsed = ZTaskParams.safeParse(safeJson(task.params));
    if (!parsed.success) continue;
    const at = task.finishedAt!.getTime() / 1000;
    for (const c of parsed.data.components) {
      const key = `${c.componentId}\u0000${c.tag}`;
      if (!first.has(key)) first.set(key, at);
    }
  }
  return first;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
