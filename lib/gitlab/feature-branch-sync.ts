import type { AuditActor } from "@/lib/audit/write-audit";
import { writeAudit } from "@/lib/audit/write-audit";
import { closeFeatureBranch, upsertFeatureBranch } from "@/lib/catalog/feature-branches";
import { db } from "@/lib/db";
import { matchAnyGlob } from "./glob";
import type { TMappedComponent } from "./project-components";

// Feature branches as GitLab sees them: created by the first push (on top of the product's newest
// released release), kept up to date by later pushes, closed when the branch is deleted or merged,
// reopened when the branch is created again.

export const GITLAB_ACTOR: AuditActor = { system: "gitlab" };

type Product = TMappedComponent["product"];

/** The products among these whose feature patterns match the branch. */
export function featureProducts(products: Product[], branch: string): Product[] {
  return products.filter((p) => matchAnyGlob(p.featurePatterns, branch));
}

async function newestReleaseId(productId: string): Promise<string | null> {
  const release = await db.release.findFirst({
    where: { productId, status: "released" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return release?.id ?? null;
}

export type TBranchHead = { commitSha?: string; pushedAt?: Date; title?: string; created?: boolean };

/** Creates or updates the feature branch; returns it and what happened ("created", "updated", "reopened"). */
export async function ensureFeatureBranch(product: Product, branch: string, head: TBranchHead) {
  const existing = await db.featureBranch.findUnique({
    where: { productId_branch: { productId: product.id, branch } },
    select: { id: true, status: true },
  });
  const git = {
    ...(head.commitSha ? { lastCommitSha: head.commitSha } : {}),
    ...(head.pushedAt ? { lastPushedAt: head.pushedAt } : {}),
  };
  if (!existing) {
    const row = await upsertFeatureBranch(GITLAB_ACTOR, {
      productId: product.id,
      branch,
      title: head.title ?? "",
      baseReleaseId: await newestReleaseId(product.id),
      status: "new",
    });
    const updated = await db.featureBranch.update({ where: { id: row.id }, data: git });
    return { row: updated, change: "created" as const };
  }
  if (existing.status === "closed" && head.created) {
    const row = await db.featureBranch.update({
      where: { id: existing.id },
      data: { ...git, status: "open", closedAt: null },
    });
    await writeAudit(GITLAB_ACTOR, {
      action: "feature.reopen",
      targetType: "featureBranch",
      targetId: row.id,
      detail: { branch },
    });
    return { row, change: "reopened" as const };
  }
  const status = existing.status === "new" && !head.created && head.commitSha ? "open" : undefined;
  const row = await db.featureBranch.update({
    where: { id: existing.id },
    data: { ...git, ...(status ? { status } : {}) },
  });
  return { row, change: "updated" as const };
}

/** Closes the product's feature branch of that name, if there is one open. */
export async function closeBranch(productId: string, branch: string): Promise<boolean> {
  const row = await db.featureBranch.findUnique({
    where: { productId_branch: { productId, branch } },
    select: { id: true, status: true },
  });
  if (!row || row.status === "closed") return false;
  await closeFeatureBranch(GITLAB_ACTOR, row.id);
  return true;
}
