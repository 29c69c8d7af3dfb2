import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { type Buckets, bucketStart } from "../buckets";
import { selectEnvironments, selectProducts } from "../dimensions";
import type { MetricParams } from "../params";
import { selection } from "../params";
import { accepts, selectsAll } from "../selection";

// Deployments (tasks) a deploy metric looks at: in the selected environments and products (and release
// versions, when the metric takes them), with one of the given statuses, whose `field` time falls in
// the range. Times in Unix seconds.

export type TaskFact = {
  id: number;
  status: string;
  env: string;
  product: string;
  created: number;
  started: number | null;
  finished: number | null;
  creatorName: string;
  type: string;
  release: string | null;
};

export const NO_PRODUCT = "(none)";
/** The version of a deployment that deployed no release (a feature branch, single components). */
export const NO_RELEASE = "(none)";
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export async function loadTasks(
  params: MetricParams,
  b: Buckets,
  opts: { field: "finishedAt" | "startedAt"; statuses: readonly string[] },
): Promise<TaskFact[]> {
  const envs = await selectEnvironments(selection(params, "env"));
  const productSel = selection(params, "product");
  const products = await selectProducts(productSel);
  const where: Prisma.TaskWhereInput = {
    status: { in: [...opts.statuses] },
    environmentId: { in: envs.map((e) => e.id) },
    [opts.field]: { gte: new Date(b.first * 1000), lt: new Date(bucketStart(b, b.count) * 1000) },
  };
  // Tasks without a product count only when products are not narrowed.
  if (!selectsAll(productSel)) where.productId = { in: products.map((p) => p.id) };
  const rows = await db.task.findMany({
    where,
    select: {
      id: true,
      type: true,
      status: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      creatorName: true,
      environment: { select: { name: true } },
      product: { select: { name: true } },
      release: { select: { version: true } },
    },
    orderBy: { id: "asc" },
  });
  const versionSel = selection(params, "version");
  const kept = selectsAll(versionSel)
    ? rows
    : rows.filter((t) => accepts(versionSel, t.release?.version ?? NO_RELEASE));
  return kept.map((t) => ({
    id: t.id,
    type: t.type,
    status: t.status,
    env: t.environment.name,
    product: t.product?.name ?? NO_PRODUCT,
    created: seconds(t.createdAt),
    started: t.startedAt ? seconds(t.startedAt) : null,
    finished: t.finishedAt ? seconds(t.finishedAt) : null,
    creatorName: t.creatorName,
    release: t.release?.version ?? null,
  }));
}
