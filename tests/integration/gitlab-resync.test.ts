import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as resyncRoute } from "@/app/api/v1/gitlab/integrations/[id]/resync/route";
import { createComponent } from "@/lib/catalog/components";
import { upsertFeatureBranch } from "@/lib/catalog/feature-branches";
import { createProduct } from "@/lib/catalog/products";
import { db } from "@/lib/db";
import { nextLink } from "@/lib/gitlab/api-client";
import { createIntegration, updateIntegration } from "@/lib/gitlab/integrations";
import { runResync } from "@/lib/gitlab/resync";
import { waitFor } from "@/scripts/lib/processes";
import { startGitlabProcessor } from "@/workers/gitlab-processor";
import { type FakeGitlab, startFakeGitlab } from "../fakes/gitlab-api";
import { makeUser, system, uid } from "./helpers";

// Resync against a local fake GitLab REST server: both pagination styles, branches → feature
// branches (created, updated, closed), tags and green pipelines → builds, a missing project.

const sha = (n: number) => n.toString(16).padStart(40, "a");
let gitlab: FakeGitlab;
let processor: Awaited<ReturnType<typeof startGitlabProcessor>>;
let integrationId = "";
let productId = "";
const comp: Record<string, string> = {};
const ns = `team-${uid()}`;

const resyncCall = (id: string, token: string) =>
  resyncRoute(
    new Request(`http://tao.test/api/v1/gitlab/integrations/${id}/resync`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ id }) },
  );

beforeAll(async () => {
  gitlab = await startFakeGitlab();
  processor = await startGitlabProcessor();
  const a = gitlab.addProject({ path: `${ns}/svc-a` });
  a.branches.push(
    { name: "main", sha: sha(1) },
    { name: "feature/login", sha: sha(2), committedDate: "2024-06-01T08:00:00Z" },
  );
  for (let i = 0; i < 120; i++)
    a.branches.push({ name: `feature_bulk_${String(i).padStart(3, "0")}`, sha: sha(100 + i) });
  a.tags.push({ name: "v1.0.0", sha: sha(3) }, { name: "v1.1.0", sha: sha(4) });
  a.pipelines.push(
    { id: 7, ref: "feature/login", sha: sha(2), status: "success" },
    { id: 8, ref: "feature_bulk_001", sha: sha(9), status: "success" }, // an older commit than the head
    { id: 9, ref: "feature_bulk_002", sha: sha(102), status: "failed" },
  );
  const b = gitlab.addProject({ path: `${ns}/svc-b`, paging: "link" });
  for (let i = 0; i < 105; i++) b.branches.push({ name: `feature/b-${i}`, sha: sha(1000 + i) });
  b.tags.push({ name: "v2.0.0", sha: sha(5) });

  productId = (await createProduct(system, { name: `resync-${uid()}` })).id;
  for (const [name, path] of [
    ["svc-a", `${ns}/svc-a`],
    ["svc-b", `${ns}/SVC-B.git`], // mapping is case-insensitive and ignores .git
  ] as const) {
    comp[name] = (
      await createComponent(system, { productId, name, image: `registry.test/${name}`, gitlabPath: path })
    ).id;
  }
  const other = await createProduct(system, { name: `resync-other-${uid()}` });
  await createComponent(system, {
    productId: other.id,
    name: "gone",
    image: "registry.test/gone",
    gitlabPath: `${ns}/gone`,
  });

  // learned from GitLab earlier, branch since deleted (a push of > 3 refs sent no hook)
  const old = await upsertFeatureBranch(system, { productId, branch: "feature/old" });
  await db.featureBranch.update({ where: { id: old.id }, data: { lastCommitSha: sha(6) } });
  // made by hand in tao: not GitLab's to close
  await upsertFeatureBranch(system, { productId, branch: "feature/manual" });

  integrationId = (
    await createIntegration(system, {
      name: `resync-${uid()}`,
      baseUrl: gitlab.url,
      accessToken: gitlab.token,
    })
  ).id;
});

afterAll(async () => {
  await processor.close();
  await gitlab.close();
});

describe("resync", () => {
  it("parses Link headers", () => {
    expect(nextLink('<http://g/api/v4/x?page=2>; rel="next", <http://g/api/v4/x?page=1>; rel="first"')).toBe(
      "http://g/api/v4/x?page=2",
    );
    expect(nextLink('<http://g/api/v4/x?page=1>; rel="first"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });

  it("queued through the API by an admin only, run by the worker", async () => {
    const viewer = await makeUser("viewer");
    const admin = await makeUser("admin");
    expect((await resyncCall(integrationId, viewer.token)).status).toBe(403);
    expect((await resyncCall(integrationId, admin.token)).status).toBe(202);
    const done = await waitFor(
      "the resync",
      async () => {
        const row = await db.gitlabIntegration.findUniqueOrThrow({ where: { id: integrationId } });
        return ["success", "failed"].includes(row.lastSyncStatus) && row;
      },
      60_000,
    );
    expect(done.lastSyncStatus).toBe("success");
    // other test files map components to projects this fake GitLab does not have either
    expect(done.lastSyncSummary).toMatch(new RegExp(`not found on this GitLab: .*${ns}/gone`));
    expect(done.lastSyncSummary).toContain("2 project(s) read");
  });

  it("brought feature branches up to date across both paging styles", async () => {
    const open = await db.featureBranch.findMany({ where: { productId, status: { not: "closed" } } });
    const names = new Set(open.map((f) => f.branch));
    expect(names.has("feature/login")).toBe(true);
    expect(names.has("feature_bulk_119")).toBe(true); // page 2 of svc-a (X-Next-Page)
    expect(names.has("feature/b-104")).toBe(true); // page 2 of svc-b (Link only)
    expect(names.has("main")).toBe(false);
    expect(open.length).toBe(1 + 120 + 105 + 1); // + feature/manual
    expect(open.find((f) => f.branch === "feature/login")).toMatchObject({
      lastCommitSha: sha(2),
      status: "new",
    });
    expect(await db.featureBranch.findFirst({ where: { productId, branch: "feature/old" } })).toMatchObject({
      status: "closed",
    });
    expect(
      await db.featureBranch.findFirst({ where: { productId, branch: "feature/manual" } }),
    ).toMatchObject({
      status: "new",
    });
    const pages = gitlab.requests.filter((r) => r.path.endsWith("/repository/branches"));
    expect(
      pages.some((r) => r.path.includes(encodeURIComponent(`${ns}/svc-a`)) && r.query.includes("page=2")),
    ).toBe(true);
    expect(
      pages.some((r) => r.path.includes(encodeURIComponent(`${ns}/svc-b`)) && r.query.includes("page=2")),
    ).toBe(true);
    expect(gitlab.requests.every((r) => r.token === gitlab.token)).toBe(true);
  });

  it("recorded builds from tags and from green pipelines at the branch head only", async () => {
    const builds = await db.build.findMany({ where: { componentId: { in: Object.values(comp) } } });
    const tags = builds.map((b) => `${b.componentId === comp["svc-a"] ? "a" : "b"}:${b.tag}`).sort();
    expect(tags).toEqual(["a:feature-login-aaaaaaaa", "a:v1.0.0", "a:v1.1.0", "b:v2.0.0"].sort());
    expect(builds.find((b) => b.tag === "feature-login-aaaaaaaa")).toMatchObject({
      gitRef: "feature/login",
      commitSha: sha(2),
      source: "gitlab",
    });
  });

  it("a second resync changes nothing; a deleted branch is closed", async () => {
    const project = gitlab.projects.get(`${ns}/svc-a`)!;
    project.branches = project.branches.filter((b) => b.name !== "feature_bulk_000");
    const counts = await runResync(integrationId);
    expect(counts).toMatchObject({ created: 0, closed: 1 });
    expect(
      await db.featureBranch.findFirst({ where: { productId, branch: "feature_bulk_000" } }),
    ).toMatchObject({
      status: "closed",
    });
  });

  it("a refused access token fails the resync with a clear message and no secret", async () => {
    await updateIntegration(system, integrationId, {
      name: `resync-bad-${uid()}`,
      baseUrl: gitlab.url,
      accessToken: "glpat-wrong-token",
    });
    expect(await runResync(integrationId)).toBeNull();
    const row = await db.gitlabIntegration.findUniqueOrThrow({ where: { id: integrationId } });
    expect(row.lastSyncStatus).toBe("failed");
    expect(row.lastSyncSummary).toContain("GitLab refused the access token (401)");
    expect(row.lastSyncSummary).not.toContain("glpat");
  });

  it("an integration without an access token cannot be resynced", async () => {
    const admin = await makeUser("admin");
    const bare = await createIntegration(system, { name: `bare-${uid()}`, baseUrl: gitlab.url });
    const res = await resyncCall(bare.id, admin.token);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("access token");
  });
});
