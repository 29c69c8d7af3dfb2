import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { BadRequestError, NotFoundError } from "@/lib/errors";
import { parseTapdRefs, type TapdRef } from "./refs";
import { resolveRefs } from "./resolve-refs";

// Links between feature branches and TAPD stories/bugs. Found in text (branch name, MR title, commit
// message: lib/tapd/refs.ts) or made by hand. The first source that named a pair is kept.

export const LINK_SOURCES = ["branch", "mr_title", "commit", "manual"] as const;
export const ZLinkSource = z.enum(LINK_SOURCES);
export type TLinkSource = z.infer<typeof ZLinkSource>;

async function createLinks(
  featureBranchId: string,
  refs: TapdRef[],
  source: TLinkSource,
  sourceRef: string,
  createdBy: string,
): Promise<number> {
  let created = 0;
  for (const ref of refs) {
    const key = { featureBranchId, entityType: ref.type, entityId: ref.id };
    const existing = await db.tapdLink.findUnique({
      where: { featureBranchId_entityType_entityId: key },
      select: { id: true },
    });
    if (existing) continue;
    await db.tapdLink.create({ data: { ...key, source, sourceRef, createdBy } });
    created++;
  }
  return created;
}

/**
 * Links the stories and bugs named in `text` to the feature branch; for the GitLab integration
 * (source "mr_title" with the MR iid, "commit" with the sha). Returns how many links are new.
 */
export async function linkFromText(input: {
  featureBranchId: string;
  text: string;
  source: TLinkSource;
  sourceRef?: string;
}): Promise<number> {
  const fb = await db.featureBranch.findUnique({
    where: { id: input.featureBranchId },
    select: { id: true, productId: true },
  });
  if (!fb) throw new NotFoundError("Feature branch");
  const refs = await resolveRefs(parseTapdRefs(input.text), fb.productId);
  return createLinks(fb.id, refs, input.source, input.sourceRef ?? "", "");
}

/** Every open feature branch's name, scanned again (after each sync: short ids resolve once synced). */
export async function linkBranchNames(): Promise<number> {
  const branches = await db.featureBranch.findMany({
    where: { status: { not: "closed" } },
    select: { id: true, branch: true, productId: true },
  });
  let created = 0;
  for (const fb of branches) {
    const refs = parseTapdRefs(fb.branch);
    if (refs.length === 0) continue;
    created += await createLinks(fb.id, await resolveRefs(refs, fb.productId), "branch", fb.branch, "");
  }
  return created;
}

export const ZManualLinkInput = z.object({
  featureBranchId: z.string().min(1),
  entityType: z.enum(["story", "bug"]),
  /** The id as TAPD shows it (short) or the long id. */
  entityId: z
    .string()
    .trim()
    .regex(/^\d{7,20}$/, "A TAPD story or bug id (7–20 digits)"),
});
export type TManualLinkInput = z.input<typeof ZManualLinkInput>;

export async function addManualLink(actor: AuditActor, input: TManualLinkInput) {
  const data = ZManualLinkInput.parse(input);
  const fb = await db.featureBranch.findUnique({
    where: { id: data.featureBranchId },
    select: { id: true, productId: true, branch: true },
  });
  if (!fb) throw new NotFoundError("Feature branch");
  const [ref] = await resolveRefs([{ type: data.entityType, id: data.entityId }], fb.productId);
  if (!ref) throw new BadRequestError("entityId: no TAPD workspace is known yet to place this short id in");
  const by = "username" in actor ? actor.username : "";
  await createLinks(fb.id, [ref], "manual", "", by);
  const link = await db.tapdLink.findUniqueOrThrow({
    where: {
      featureBranchId_entityType_entityId: { featureBranchId: fb.id, entityType: ref.type, entityId: ref.id },
    },
  });
  await writeAudit(actor, {
    action: "tapd.link",
    targetType: "featureBranch",
    targetId: fb.id,
    detail: { branch: fb.branch, entityType: ref.type, entityId: ref.id },
  });
  return link;
}

export async function removeLink(actor: AuditActor, linkId: string): Promise<void> {
  const link = await db.tapdLink.findUnique({ where: { id: linkId } });
  if (!link) throw new NotFoundError("Link");
  await db.tapdLink.delete({ where: { id: linkId } });
  await writeAudit(actor, {
    action: "tapd.unlink",
    targetType: "featureBranch",
    targetId: link.featureBranchId,
    detail: { entityType: link.entityType, entityId: link.entityId, source: link.source },
  });
}
