import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { ZFeatureStatus } from "@/lib/domain/enums";
import { NotFoundError } from "@/lib/errors";

export const ZFeatureBranchInput = z.object({
  productId: z.string().min(1),
  branch: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9._/-]+$/, "A git branch name"),
  title: z.string().trim().max(200).default(""),
  baseReleaseId: z.string().min(1).nullable().default(null),
  status: ZFeatureStatus.default("new"),
});
export type TFeatureBranchInput = z.input<typeof ZFeatureBranchInput>;

export function listFeatureBranches(where: { productId?: string; includeClosed?: boolean } = {}) {
  return db.featureBranch.findMany({
    where: {
      ...(where.productId ? { productId: where.productId } : {}),
      ...(where.includeClosed ? {} : { status: { not: "closed" } }),
    },
    orderBy: { updatedAt: "desc" },
    include: {
      product: { select: { id: true, name: true } },
      baseRelease: { select: { id: true, version: true } },
      lastEnvironment: { select: { id: true, name: true } },
    },
  });
}

/** Creates the feature branch or updates the one with the same product and branch name. */
export async function upsertFeatureBranch(actor: AuditActor, input: TFeatureBranchInput) {
  const data = ZFeatureBranchInput.parse(input);
  const row = await db.featureBranch.upsert({
    where: { productId_branch: { productId: data.productId, branch: data.branch } },
    create: data,
    update: { title: data.title || undefined, baseReleaseId: data.baseReleaseId ?? undefined },
  });
  await writeAudit(actor, {
    action: "feature.upsert",
    targetType: "featureBranch",
    targetId: row.id,
    detail: data,
  });
  return row;
}

export async function closeFeatureBranch(actor: AuditActor, id: string) {
  const row = await db.featureBranch.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("Feature branch");
  if (row.status === "closed") return row;
  const closed = await db.featureBranch.update({
    where: { id },
    data: { status: "closed", closedAt: new Date() },
  });
  await writeAudit(actor, {
    action: "feature.close",
    targetType: "featureBranch",
    targetId: id,
    detail: { branch: row.branch },
  });
  return closed;
}
