import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { BadRequestError, NotFoundError } from "@/lib/errors";
import { enqueueGitlabSync } from "@/lib/jobs/queues";
import { decryptSecret } from "@/lib/secrets/cipher";
import { GitlabApi, GitlabApiError, ZBranch, ZPipeline, ZTag } from "./api-client";
import { closeBranch, ensureFeatureBranch, featureProducts } from "./feature-branch-sync";
import { matchAnyGlob } from "./glob";
import { recordProjectBuilds } from "./handlers/record-builds";
import { ACCESS_TOKEN_CONTEXT } from "./integrations";
import { productsOf, type TMappedComponent } from "./project-components";
import { parseGitlabTime } from "./timestamps";

// Resync: GitLab sends no hook for a push of more than 3 refs, so tao reads every mapped project's
// branches and tags through the REST API and applies what the hooks would have: feature branches
// created, updated or closed; builds from tags and from each feature branch's newest green pipeline.

export type TResyncCounts = {
  projects: number;
  created: number;
  updated: number;
  closed: number;
  builds: number;
  missing: string[];
};

async function mappedProjects(): Promise<Map<string, TMappedComponent[]>> {
  const rows = await db.component.findMany({
    where: { gitlabPath: { not: null } },
    select: {
      id: true,
      name: true,
      gitlabPath: true,
      product: { select: { id: true, name: true, featurePatterns: true } },
    },
  });
  const byProject = new Map<string, TMappedComponent[]>();
  for (const { gitlabPath, ...c } of rows) {
    const path = gitlabPath
      ?.trim()
      .replace(/\.git$/, "")
      .toLowerCase();
    if (!path) continue;
    byProject.set(path, [...(byProject.get(path) ?? []), c]);
  }
  return byProject;
}

export async function resyncIntegration(integrationId: string): Promise<TResyncCounts> {
  const integration = await db.gitlabIntegration.findUnique({
    where: { id: integrationId },
    omit: { accessTokenEnc: false },
  });
  if (!integration) throw new NotFoundError("GitLab integration");
  if (!integration.accessTokenEnc)
    throw new BadRequestError("Set an access token on the GitLab integration first");
  const api = new GitlabApi(
    integration.baseUrl,
    decryptSecret(integration.accessTokenEnc, ACCESS_TOKEN_CONTEXT),
  );
  const counts: TResyncCounts = { projects: 0, created: 0, updated: 0, closed: 0, builds: 0, missing: [] };
  // product id → feature branch names that exist in GitLab (null: a project of it could not be read)
  const seen = new Map<string, Set<string> | null>();
  const products = new Map<string, TMappedComponent["product"]>();

  for (const [project, components] of await mappedProjects()) {
    const base = GitlabApi.projectPath(project);
    let branches: { name: string; commit: { id: string; committed_date?: string | null } }[];
    let tags: { name: string; commit?: { id: string } | null; target?: string }[];
    try {
      branches = await api.all(`${base}/repository/branches`, ZBranch);
      tags = await api.all(`${base}/repository/tags`, ZTag);
    } catch (err) {
      if (!(err instanceof GitlabApiError && err.httpStatus === 404)) throw err;
      counts.missing.push(project);
      for (const p of productsOf(components)) seen.set(p.id, null);
      continue;
    }
    counts.projects++;
    for (const product of productsOf(components)) {
      products.set(product.id, product);
      const names = seen.has(product.id) ? seen.get(product.id) : new Set<string>();
      for (const b of branches.filter((b) => featureProducts([product], b.name).length > 0)) {
        names?.add(b.name);
        const { change } = await ensureFeatureBranch(product, b.name, {
          commitSha: b.commit.id,
          pushedAt: parseGitlabTime(b.commit.committed_date) ?? undefined,
        });
        if (change === "created") counts.created++;
        else counts.updated++;
        const [pipeline] = await api.first(`${base}/pipelines`, ZPipeline, {
          ref: b.name,
          status: "success",
          order_by: "id",
          sort: "desc",
          per_page: 1,
        });
        if (pipeline?.sha === b.commit.id) {
          await recordProjectBuilds(
            project,
            integration.branchTagTemplate,
            { branch: b.name, sha: pipeline.sha, pipelineId: String(pipeline.id) },
            b.name,
          );
          counts.builds++;
        }
      }
      seen.set(product.id, names ?? null);
    }
    for (const t of tags) {
      const sha = t.commit?.id ?? t.target ?? "";
      await recordProjectBuilds(project, integration.tagTagTemplate, { tag: t.name, sha }, t.name);
      counts.builds++;
    }
  }

  // Feature branches tao learned from GitLab whose branch is gone from every project of the product.
  for (const [productId, names] of seen) {
    if (!names) continue;
    const product = products.get(productId);
    const open = await db.featureBranch.findMany({
      where: { productId, status: { not: "closed" }, lastCommitSha: { not: "" } },
      select: { branch: true },
    });
    for (const fb of open) {
      if (names.has(fb.branch) || !product || !matchAnyGlob(product.featurePatterns, fb.branch)) continue;
      if (await closeBranch(productId, fb.branch)) counts.closed++;
    }
  }
  return counts;
}

export function summarize(c: TResyncCounts): string {
  const parts = [
    `${c.projects} project(s) read`,
    `feature branches: ${c.created} created, ${c.updated} updated, ${c.closed} closed`,
    `${c.builds} build(s) recorded`,
  ];
  if (c.missing.length) parts.push(`not found on this GitLab: ${c.missing.join(", ")}`);
  return parts.join("; ");
}

/** The worker's job: runs the resync and records its outcome on the integration. */
export async function runResync(integrationId: string): Promise<TResyncCounts | null> {
  await db.gitlabIntegration.update({ where: { id: integrationId }, data: { lastSyncStatus: "running" } });
  try {
    const counts = await resyncIntegration(integrationId);
    await db.gitlabIntegration.update({
      where: { id: integrationId },
      data: { lastSyncStatus: "success", lastSyncAt: new Date(), lastSyncSummary: summarize(counts) },
    });
    return counts;
  } catch (err) {
    await db.gitlabIntegration.update({
      where: { id: integrationId },
      data: {
        lastSyncStatus: "failed",
        lastSyncAt: new Date(),
        lastSyncSummary: (err as Error).message.slice(0, 1000),
      },
    });
    return null;
  }
}

/** The "Resync" button: queues a resync of the integration (one at a time per integration). */
export async function requestResync(actor: AuditActor, integrationId: string) {
  const integration = await db.gitlabIntegration.findUnique({
    where: { id: integrationId },
    select: { id: true, name: true, accessTokenEnc: true },
  });
  if (!integration) throw new NotFoundError("GitLab integration");
  if (!integration.accessTokenEnc)
    throw new BadRequestError("Set an access token on the GitLab integration first");
  await db.gitlabIntegration.update({ where: { id: integrationId }, data: { lastSyncStatus: "queued" } });
  await enqueueGitlabSync({ integrationId });
  await writeAudit(actor, {
    action: "gitlab.resync",
    targetType: "gitlabIntegration",
    targetId: integrationId,
    detail: { name: integration.name },
  });
  return { id: integrationId, status: "queued" as const };
}
