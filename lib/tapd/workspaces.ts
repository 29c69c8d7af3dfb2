import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { ensureIterationReleases } from "./iteration-releases";

export type TapdWorkspaceView = {
  id: string;
  name: string;
  status: string;
  productId: string | null;
  productName: string | null;
  stories: number;
  bugs: number;
  iterations: number;
  syncedAt: Date;
};

/** Synced workspaces with their product and how many items tao holds for each. */
export async function listTapdWorkspaces(): Promise<TapdWorkspaceView[]> {
  const [rows, stories, bugs, iterations] = await Promise.all([
    db.tapdWorkspace.findMany({ orderBy: { name: "asc" }, include: { product: { select: { name: true } } } }),
    db.tapdStory.groupBy({ by: ["workspaceId"], _count: { _all: true } }),
    db.tapdBug.groupBy({ by: ["workspaceId"], _count: { _all: true } }),
    db.tapdIteration.groupBy({ by: ["workspaceId"], _count: { _all: true } }),
  ]);
  const count = (list: { workspaceId: string; _count: { _all: number } }[], id: string) =>
    list.find((c) => c.workspaceId === id)?._count._all ?? 0;
  return rows.map((w) => ({
    id: w.id,
    name: w.name,
    status: w.status,
    productId: w.productId,
    productName: w.product?.name ?? null,
    stories: count(stories, w.id),
    bugs: count(bugs, w.id),
    iterations: count(iterations, w.id),
    syncedAt: w.syncedAt,
  }));
}

export const ZWorkspaceMapping = z.object({ productId: z.string().min(1).nullable() });

/** product = workspace: maps (or unmaps) a workspace; its iterations become the product's releases. */
export async function mapWorkspaceToProduct(
  actor: AuditActor,
  workspaceId: string,
  input: z.input<typeof ZWorkspaceMapping>,
) {
  const { productId } = ZWorkspaceMapping.parse(input);
  const ws = await db.tapdWorkspace.findUnique({ where: { id: workspaceId } });
  if (!ws) throw new NotFoundError("TAPD workspace");
  if (productId && !(await db.product.findUnique({ where: { id: productId }, select: { id: true } })))
    throw new NotFoundError("Product");
  await db.tapdWorkspace.update({ where: { id: workspaceId }, data: { productId } });
  await writeAudit(actor, {
    action: "tapd.map",
    targetType: "tapdWorkspace",
    targetId: workspaceId,
    detail: { name: ws.name, productId },
  });
  const releasesCreated = await ensureIterationReleases(workspaceId);
  return { id: workspaceId, productId, releasesCreated };
}
