import { db } from "@/lib/db";
import { closeBranch, ensureFeatureBranch, featureProducts } from "../feature-branch-sync";
import { type TMergeRequestEvent, ZMergeRequestEvent } from "../payloads";
import { componentsForProject, productsOf } from "../project-components";
import type { THandler } from "./context";

/** Merge Request Hook: kept as a row, linked to its feature branch (title = MR title), merge closes it. */
export const handleMergeRequest: THandler = async (payload) => {
  const mr = ZMergeRequestEvent.parse(payload);
  const a = mr.object_attributes;
  const project = mr.project.path_with_namespace;
  const merged = a.action === "merge" || a.state === "merged";
  const products = featureProducts(productsOf(await componentsForProject(project)), a.source_branch);

  let featureBranchId: string | null = null;
  const done: string[] = [];
  for (const p of products) {
    const existing = await db.featureBranch.findUnique({
      where: { productId_branch: { productId: p.id, branch: a.source_branch } },
      select: { id: true, title: true, status: true },
    });
    if (!existing && a.state !== "opened") continue; // no branch to link, and none to create for a finished MR
    const fb = existing
      ? existing
      : (await ensureFeatureBranch(p, a.source_branch, { title: a.title, commitSha: a.last_commit?.id })).row;
    featureBranchId ??= fb.id;
    if (existing && shouldRetitle(existing.title, a.source_branch, mr)) {
      await db.featureBranch.update({ where: { id: fb.id }, data: { title: a.title.slice(0, 200) } });
    }
    if (merged)
      done.push(`${p.name}: ${(await closeBranch(p.id, a.source_branch)) ? "closed" : "already closed"}`);
    else if (a.action === "reopen" && existing?.status === "closed") {
      await ensureFeatureBranch(p, a.source_branch, { created: true });
      done.push(`${p.name}: reopened`);
    } else done.push(`${p.name}: linked`);
  }

  await db.gitlabMergeRequest.upsert({
    where: { projectPath_iid: { projectPath: project, iid: a.iid } },
    create: { projectPath: project, iid: a.iid, ...fields(mr), featureBranchId },
    update: { ...fields(mr), ...(featureBranchId ? { featureBranchId } : {}) },
  });
  const what = `MR !${a.iid} (${a.action ?? a.state}) ${a.source_branch} → ${a.target_branch}`;
  return done.length
    ? `${what} — ${done.join("; ")}`
    : `${what} — not a feature branch of a mapped component`;
};

function fields(mr: TMergeRequestEvent) {
  const a = mr.object_attributes;
  return {
    title: a.title.slice(0, 500),
    url: a.url ?? "",
    sourceBranch: a.source_branch,
    targetBranch: a.target_branch,
    state: a.state,
    lastCommitSha: a.last_commit?.id ?? "",
  };
}

/** The MR title becomes the branch title unless someone gave the branch another title in tao. */
function shouldRetitle(current: string, branch: string, mr: TMergeRequestEvent): boolean {
  const title = mr.object_attributes.title;
  if (current === title) return false;
  return current === "" || current === branch || current === mr.changes?.title?.previous;
}
