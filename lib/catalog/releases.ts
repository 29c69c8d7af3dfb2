import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { ZReleaseStatus } from "@/lib/domain/enums";
import { ZImageTag } from "@/lib/domain/names";
import { BadRequestError, ConflictError, NotFoundError } from "@/lib/errors";

export const ZReleaseInput = z.object({
  productId: z.string().min(1),
  // Any one-line name: TAPD iterations become releases named like "迭代1"; tags live on the items.
  version: z
    .string()
    .trim()
    .min(1, "Required")
    .max(64, "At most 64 characters")
    .refine((s) => !/[\0\r\n]/.test(s), "Must be a single line"),
  status: ZReleaseStatus.default("draft"),
  notes: z.string().trim().max(10_000).default(""),
  items: z
    .array(z.object({ componentId: z.string().min(1), tag: ZImageTag }))
    .refine(
      (items) => new Set(items.map((i) => i.componentId)).size === items.length,
      "A component is listed twice",
    ),
});
export type TReleaseInput = z.input<typeof ZReleaseInput>;

const releaseInclude = {
  product: { select: { id: true, name: true } },
  items: {
    include: { component: { select: { id: true, name: true, image: true, layer: true, sortOrder: true } } },
  },
} as const;

export function listReleases(productId?: string) {
  return db.release.findMany({
    where: productId ? { productId } : {},
    orderBy: [{ productId: "asc" }, { createdAt: "desc" }],
    include: releaseInclude,
  });
}

export async function getRelease(id: string) {
  const release = await db.release.findUnique({ where: { id }, include: releaseInclude });
  if (!release) throw new NotFoundError("Release");
  return release;
}

async function assertComponentsBelong(productId: string, componentIds: string[]) {
  const count = await db.component.count({ where: { productId, id: { in: componentIds } } });
  if (count !== componentIds.length)
    throw new BadRequestError("Every component must belong to the release's product");
}

export async function createRelease(actor: AuditActor, input: TReleaseInput) {
  const data = ZReleaseInput.parse(input);
  await assertComponentsBelong(
    data.productId,
    data.items.map((i) => i.componentId),
  );
  const release = await db.release.create({
    data: { ...data, items: { create: data.items } },
    include: releaseInclude,
  });
  await writeAudit(actor, {
    action: "release.create",
    targetType: "release",
    targetId: release.id,
    detail: data,
  });
  return release;
}

export async function updateRelease(actor: AuditActor, id: string, input: TReleaseInput) {
  const data = ZReleaseInput.parse(input);
  await getRelease(id);
  await assertComponentsBelong(
    data.productId,
    data.items.map((i) => i.componentId),
  );
  const release = await db.$transaction(async (tx) => {
    await tx.releaseItem.deleteMany({ where: { releaseId: id } });
    return tx.release.update({
      where: { id },
      data: { ...data, items: { create: data.items } },
      include: releaseInclude,
    });
  });
  await writeAudit(actor, { action: "release.update", targetType: "release", targetId: id, detail: data });
  return release;
}

export async function deleteRelease(actor: AuditActor, id: string) {
  const release = await db.release.findUnique({
    where: { id },
    include: { _count: { select: { featureBranches: true } } },
  });
  if (!release) throw new NotFoundError("Release");
  if (release._count.featureBranches > 0) {
    throw new ConflictError(
      `Release ${release.version} is the base of ${release._count.featureBranches} feature branch(es); rebase or close them first`,
    );
  }
  await db.release.delete({ where: { id } });
  await writeAudit(actor, {
    action: "release.delete",
    targetType: "release",
    targetId: id,
    detail: { version: release.version },
  });
}
