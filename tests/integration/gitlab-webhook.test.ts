import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as reprocessRoute } from "@/app/api/v1/gitlab/events/[id]/reprocess/route";
import { POST as webhook } from "@/app/api/v1/gitlab/webhook/route";
import { createComponent } from "@/lib/catalog/components";
import { createProduct } from "@/lib/catalog/products";
import { createRelease } from "@/lib/catalog/releases";
import { db } from "@/lib/db";
import { handlers } from "@/lib/gitlab/handlers/index";
import { createIntegration } from "@/lib/gitlab/integrations";
import { MAX_WEBHOOK_BYTES } from "@/lib/gitlab/read-body";
import { startGitlabProcessor } from "@/workers/gitlab-processor";
import { clone, deliver, sample, waitForEvent } from "./gitlab-helpers";
import { makeUser, system, uid } from "./helpers";

// POST /api/v1/gitlab/webhook through the real route handler and the real worker (BullMQ on Redis):
// every protocol sample and its variants, delivery rules, and failures.

const ZERO = "0000000000000000000000000000000000000000";
const secret = `webhook-secret-${uid()}-${uid()}`;
let processor: Awaited<ReturnType<typeof startGitlabProcessor>>;
let productId = "";
let releaseId = "";
const comp: Record<string, string> = {};

async function send(
  body: unknown,
  event: string,
  extra: Parameters<typeof deliver>[1] extends infer O ? Partial<O> : never = {},
) {
  const res = await deliver(body, { secret, event, idempotencyKey: `idem-${uid()}`, ...extra });
  return res;
}

/** Delivers and waits for the worker: the handled event row. */
async function handle(body: unknown, event: string) {
  const res = await send(body, event);
  expect(res.status).toBe(200);
  expect(res.body.status).toBe("queued");
  return waitForEvent(res.body.id!);
}

const feature = (branch: string) =>
  db.featureBranch.findUnique({ where: { productId_branch: { productId, branch } } });

beforeAll(async () => {
  processor = await startGitlabProcessor();
  await createIntegration(system, {
    name: `gitlab-${uid()}`,
    baseUrl: "http://gitlab.test",
    webhookSecret: secret,
  });
  const product = await createProduct(system, { name: `webhook-product-${uid()}` });
  productId = product.id;
  for (const [name, path] of [
    ["diaspora", "mike/diaspora"],
    ["example", "jsmith/example"],
    ["gitlab-test", "gitlabhq/gitlab-test"],
    ["org-test", "gitlab-org/gitlab-test"],
  ] as const) {
    const c = await createComponent(system, {
      productId,
      name,
      image: `registry.test/demo/${name}`,
      gitlabPath: path,
    });
    comp[name] = c.id;
  }
  releaseId = (
    await createRelease(system, {
      productId,
      version: "v1.0.0",
      status: "released",
      items: [{ componentId: comp.diaspora!, tag: "v1.0.0" }],
    })
  ).id;
});

afterAll(async () => {
  await processor.close();
});

describe("protocol samples", () => {
  it("01 push to master: stored, handled, not a feature branch", async () => {
    const ev = await handle(sample("01_push_commits.json"), "Push Hook");
    expect(ev.status).toBe("handled");
    expect(ev.projectPath).toBe("mike/diaspora");
    expect(ev.ref).toBe("master");
    expect(ev.result).toContain("master is not a feature branch");
    expect(await feature("master")).toBeNull();
  });

  it("02 new feature branch: creates it on the newest released release", async () => {
    const ev = await handle(sample("02_push_branch_create.json"), "Push Hook");
    expect(ev.status).toBe("handled");
    const fb = await feature("feature/PROJ-123-login");
    expect(fb).toMatchObject({
      status: "new",
      baseReleaseId: releaseId,
      lastCommitSha: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
    });
    expect(fb?.lastPushedAt).toBeInstanceOf(Date);
  });

  it("a push with commits to the feature branch updates it and opens it", async () => {
    const body = clone(sample("01_push_commits.json"));
    body.ref = "refs/heads/feature/PROJ-123-login";
    body.before = "da1560886d4f094c3e6c9ef40349f7d38b5d27d7";
    body.after = "b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327";
    body.checkout_sha = body.after;
    await handle(body, "Push Hook");
    const fb = await feature("feature/PROJ-123-login");
    expect(fb).toMatchObject({ status: "open", lastCommitSha: "b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327" });
    // the newest commit's own timestamp (GitLab's ISO-with-offset format)
    expect(fb?.lastPushedAt?.toISOString()).toBe("2011-12-12T12:27:31.000Z");
  });

  it("branch delete closes the feature branch; creating it again reopens it", async () => {
    const del = clone(sample("02_push_branch_create.json"));
    del.before = "b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327";
    del.after = ZERO;
    del.checkout_sha = null;
    const ev = await handle(del, "Push Hook");
    expect(ev.result).toContain("closed");
    expect(await feature("feature/PROJ-123-login")).toMatchObject({ status: "closed" });
    expect((await feature("feature/PROJ-123-login"))?.closedAt).toBeInstanceOf(Date);

    await handle(sample("02_push_branch_create.json"), "Push Hook");
    expect(await feature("feature/PROJ-123-login")).toMatchObject({ status: "open", closedAt: null });
  });

  it("04 tag push records a build named after the tag", async () => {
    const ev = await handle(sample("04_tag_push_create.json"), "Tag Push Hook");
    expect(ev.status).toBe("handled");
    const build = await db.build.findUnique({
      where: { componentId_tag: { componentId: comp.example!, tag: "v1.0.0" } },
    });
    expect(build).toMatchObject({
      gitRef: "v1.0.0",
      commitSha: "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7",
      source: "gitlab",
    });
  });

  it("tag delete is handled and keeps the build", async () => {
    const body = clone(sample("04_tag_push_create.json"));
    body.before = "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7";
    body.after = ZERO;
    body.checkout_sha = null;
    body.commits = [];
    const ev = await handle(body, "Tag Push Hook");
    expect(ev.status).toBe("handled");
    expect(ev.result).toContain("tag v1.0.0 deleted");
    expect(await db.build.count({ where: { componentId: comp.example!, tag: "v1.0.0" } })).toBe(1);
  });

  it("06 merge request open: stored; its branch is not a feature branch", async () => {
    const ev = await handle(sample("06_merge_request_open.json"), "Merge Request Hook");
    expect(ev.status).toBe("handled");
    const mr = await db.gitlabMergeRequest.findUnique({
      where: { projectPath_iid: { projectPath: "gitlabhq/gitlab-test", iid: 1 } },
    });
    expect(mr).toMatchObject({
      title: "MS-Viewport",
      state: "opened",
      sourceBranch: "ms-viewport",
      featureBranchId: null,
    });
  });

  it("09 successful pipeline on a branch records <branch>-<short sha> and the job's environment", async () => {
    const ev = await handle(sample("09_pipeline_success_branch.json"), "Pipeline Hook");
    expect(ev.status).toBe("handled");
    const build = await db.build.findUnique({
      where: { componentId_tag: { componentId: comp["org-test"]!, tag: "master-bcbb5ec3" } },
    });
    expect(build).toMatchObject({ gitRef: "master", commitSha: "bcbb5ec396a2c0f828686f14fac9b80b780504f2" });
    const job = await db.gitlabDeployment.findUnique({
      where: {
        kind_projectPath_externalId: { kind: "job", projectPath: "gitlab-org/gitlab-test", externalId: 380 },
      },
    });
    expect(job).toMatchObject({
      environment: "production",
      status: "skipped",
      name: "production",
      action: "start",
    });
  });
});

describe("variants", () => {
  const mr = (branch: string, iid: number, action: string, state: string, title = "Login with SSO") => {
    const body = clone(sample("06_merge_request_open.json")) as {
      object_attributes: Record<string, unknown>;
      changes?: unknown;
    };
    Object.assign(body.object_attributes, { source_branch: branch, iid, action, state, title });
    return body;
  };

  it("an MR links to its feature branch and gives it its title; a title change follows", async () => {
    await handle(mr("feature/sso", 7, "open", "opened"), "Merge Request Hook");
    const fb = await feature("feature/sso");
    expect(fb).toMatchObject({ title: "Login with SSO", status: "new", baseReleaseId: releaseId });
    const row = await db.gitlabMergeRequest.findUnique({
      where: { projectPath_iid: { projectPath: "gitlabhq/gitlab-test", iid: 7 } },
    });
    expect(row?.featureBranchId).toBe(fb?.id);

    const update = mr("feature/sso", 7, "update", "opened", "Single sign-on");
    update.changes = { title: { previous: "Login with SSO", current: "Single sign-on" } };
    await handle(update, "Merge Request Hook");
    expect(await feature("feature/sso")).toMatchObject({ title: "Single sign-on" });
  });

  it("MR close keeps the feature branch open; MR merge closes it", async () => {
    await handle(mr("feature/sso", 7, "close", "closed", "Single sign-on"), "Merge Request Hook");
    expect(await feature("feature/sso")).toMatchObject({ status: "new" });
    expect(
      await db.gitlabMergeRequest.findUnique({
        where: { projectPath_iid: { projectPath: "gitlabhq/gitlab-test", iid: 7 } },
      }),
    ).toMatchObject({ state: "closed" });

    await handle(mr("feature/sso", 7, "reopen", "opened", "Single sign-on"), "Merge Request Hook");
    const ev = await handle(mr("feature/sso", 7, "merge", "merged", "Single sign-on"), "Merge Request Hook");
    expect(ev.result).toContain("closed");
    expect(await feature("feature/sso")).toMatchObject({ status: "closed" });
  });

  it("pipeline on a tag records the tag; a failed pipeline records nothing", async () => {
    const body = clone(sample("09_pipeline_success_branch.json")) as {
      object_attributes: Record<string, unknown>;
    };
    Object.assign(body.object_attributes, { id: 41, ref: "v2.0.0", tag: true });
    await handle(body, "Pipeline Hook");
    expect(
      await db.build.count({ where: { componentId: comp["org-test"]!, tag: "v2.0.0", gitRef: "v2.0.0" } }),
    ).toBe(1);

    const failed = clone(sample("09_pipeline_success_branch.json")) as {
      object_attributes: Record<string, unknown>;
    };
    Object.assign(failed.object_attributes, {
      id: 42,
      ref: "feature/broken",
      status: "failed",
      sha: "ab".repeat(20),
    });
    const ev = await handle(failed, "Pipeline Hook");
    expect(ev.result).toContain("is failed: no build");
    expect(await db.build.count({ where: { gitRef: "feature/broken" } })).toBe(0);
  });

  it("job hook with an environment is recorded, updated by its next status; without one nothing is", async () => {
    const job = {
      object_kind: "build",
      ref: "main",
      tag: false,
      before_sha: ZERO,
      sha: "95790bf891e76fee5e1747ab589903a6a1f80f22",
      build_id: 1977,
      build_name: "deploy-staging",
      build_stage: "deploy",
      build_status: "running",
      build_created_at: "2021-02-23T02:41:37.886Z",
      build_started_at: "2021-02-23T02:41:38.000Z",
      build_finished_at: null,
      project_id: 380,
      project_name: "gitlab-org / gitlab-test",
      repository: { name: "gitlab_test", homepage: "http://192.168.64.1:3005/gitlab-org/gitlab-test" },
      environment: { name: "staging", action: "start", deployment_tier: "staging" },
    };
    await handle(job, "Job Hook");
    await handle(
      { ...job, build_status: "success", build_finished_at: "2021-02-23 02:43:01 UTC" },
      "Job Hook",
    );
    const row = await db.gitlabDeployment.findUnique({
      where: {
        kind_projectPath_externalId: { kind: "job", projectPath: "gitlab-org/gitlab-test", externalId: 1977 },
      },
    });
    expect(row).toMatchObject({ environment: "staging", status: "success", name: "deploy-staging" });
    expect(row?.at.toISOString()).toBe("2021-02-23T02:43:01.000Z");

    const ev = await handle({ ...job, build_id: 1978, environment: null }, "Job Hook");
    expect(ev.result).toContain("has no environment");
    expect(await db.gitlabDeployment.count({ where: { externalId: 1978 } })).toBe(0);
  });

  it("deployment hook is recorded", async () => {
    await handle(
      {
        object_kind: "deployment",
        status: "success",
        status_changed_at: "2021-04-28 21:50:00 +0200",
        deployment_id: 15,
        deployable_id: 796,
        environment: "staging",
        project: { id: 30, name: "test-deployment-webhooks", path_with_namespace: "gitlab-org/gitlab-test" },
        short_sha: "279484c0",
        ref: "main",
        sha: "279484c09fbe69ededfced8c1bb6e6d24616b468",
      },
      "Deployment Hook",
    );
    const row = await db.gitlabDeployment.findUnique({
      where: {
        kind_projectPath_externalId: {
          kind: "deployment",
          projectPath: "gitlab-org/gitlab-test",
          externalId: 15,
        },
      },
    });
    expect(row).toMatchObject({ environment: "staging", status: "success" });
    expect(row?.at.toISOString()).toBe("2021-04-28T19:50:00.000Z");
  });

  it("system hooks are routed on object_kind / event_name", async () => {
    const push = clone(sample("02_push_branch_create.json"));
    push.ref = "refs/heads/feature_system";
    const ev = await handle(push, "System Hook");
    expect(ev.handler).toBe("push");
    expect(await feature("feature_system")).toMatchObject({ status: "new" });

    const user = await send(
      {
        event_name: "user_create",
        created_at: "2012-07-21T07:44:07Z",
        email: "js@gitlabhq.com",
        name: "John Smith",
        username: "js",
        user_id: 41,
      },
      "System Hook",
    );
    expect(user).toMatchObject({ status: 200, body: { status: "ignored" } });
    const row = await db.gitlabEvent.findUniqueOrThrow({ where: { id: user.body.id! } });
    expect(row).toMatchObject({ status: "ignored", objectKind: "user_create", eventType: "System Hook" });
  });

  it("events tao does not handle are stored and answered 200 ignored", async () => {
    const res = await send(
      { object_kind: "issue", project: { path_with_namespace: "mike/diaspora" } },
      "Issue Hook",
    );
    expect(res).toMatchObject({ status: 200, body: { status: "ignored" } });
  });
});

describe("delivery rules", () => {
  it("a duplicate Idempotency-Key is stored once and handled once", async () => {
    const body = clone(sample("04_tag_push_create.json"));
    body.ref = "refs/tags/v3.0.0";
    const first = await deliver(body, { secret, event: "Tag Push Hook", idempotencyKey: "idem-dup-1" });
    const again = await deliver(body, {
      secret,
      event: "Tag Push Hook",
      idempotencyKey: "idem-dup-1",
      webhookUuid: "other",
    });
    expect(first.body.status).toBe("queued");
    expect(again).toMatchObject({ status: 200, body: { status: "duplicate", id: first.body.id } });
    const ev = await waitForEvent(first.body.id!);
    expect(ev).toMatchObject({ status: "handled", attempts: 1, duplicates: 1 });
  });

  it("concurrent deliveries of one event: one stored, the rest duplicates", async () => {
    const body = clone(sample("01_push_commits.json"));
    body.after = "cd".repeat(20);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        deliver(body, { secret, event: "Push Hook", webhookUuid: "uuid-concurrent" }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.status === "queued")).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const ev = await waitForEvent(results[0]!.body.id!);
    expect(ev).toMatchObject({ attempts: 1, duplicates: 11 });
  });

  it("without Idempotency-Key or webhook UUID, the body hash dedupes", async () => {
    const body = clone(sample("01_push_commits.json"));
    body.after = "ef".repeat(20);
    const a = await deliver(body, { secret, event: "Push Hook" });
    const b = await deliver(body, { secret, event: "Push Hook" });
    expect(a.body.status).toBe("queued");
    expect(b.body).toMatchObject({ status: "duplicate", id: a.body.id });
  });

  it("a wrong or missing X-Gitlab-Token is 401 and stores nothing", async () => {
    const before = await db.gitlabEvent.count();
    const wrong = await deliver(sample("01_push_commits.json"), {
      secret,
      event: "Push Hook",
      token: `${secret}x`,
    });
    const missing = await deliver(sample("01_push_commits.json"), {
      secret,
      event: "Push Hook",
      token: null,
    });
    expect(wrong.status).toBe(401);
    expect(missing.status).toBe(401);
    expect(wrong.body.error?.message).not.toContain(secret);
    expect(await db.gitlabEvent.count()).toBe(before);
  });

  it("malformed JSON and non-object bodies are 400", async () => {
    const before = await db.gitlabEvent.count();
    expect((await deliver('{"object_kind": "push", ', { secret, event: "Push Hook" })).status).toBe(400);
    expect((await deliver("[1,2]", { secret, event: "Push Hook" })).status).toBe(400);
    expect(await db.gitlabEvent.count()).toBe(before);
  });

  it("bodies over 25 MB are 413, by Content-Length and while reading", async () => {
    const call = (init: RequestInit & { duplex?: "half" }) =>
      webhook(new Request("http://tao.test/api/v1/gitlab/webhook", { method: "POST", ...init }), {
        params: Promise.resolve({}),
      });
    const declared = await call({
      headers: {
        "x-gitlab-token": secret,
        "x-gitlab-event": "Push Hook",
        "content-length": String(MAX_WEBHOOK_BYTES + 1),
      },
      body: "{}",
    });
    expect(declared.status).toBe(413);

    // no Content-Length: a stream of 26 MB is cut off while reading
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 100) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await call({
      headers: { "x-gitlab-token": secret, "x-gitlab-event": "Push Hook" },
      body: stream,
      duplex: "half",
    });
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(30); // reading stopped at the limit
  });

  it("a body just under 25 MB is stored", async () => {
    const body = clone(sample("01_push_commits.json"));
    const base = JSON.stringify(body).length;
    body.padding = "x".repeat(MAX_WEBHOOK_BYTES - base - 100);
    const res = await deliver(body, { secret, event: "Push Hook", idempotencyKey: `big-${uid()}` });
    expect(res.body.status).toBe("queued");
    const row = await waitForEvent(res.body.id!);
    expect(row.payloadBytes).toBeGreaterThan(MAX_WEBHOOK_BYTES - 200);
  });
});

describe("failures", () => {
  it("a handler that throws leaves the event failed with its error; reprocess handles it", async () => {
    const spy = vi.spyOn(handlers, "push").mockRejectedValueOnce(new Error("the database is on fire"));
    const body = clone(sample("02_push_branch_create.json"));
    body.ref = "refs/heads/feature_reprocess";
    const res = await send(body, "Push Hook");
    const failed = await waitForEvent(res.body.id!);
    expect(failed).toMatchObject({ status: "failed", error: "the database is on fire", attempts: 1 });
    expect(failed.payload).toContain("feature_reprocess");
    expect(await feature("feature_reprocess")).toBeNull();
    spy.mockRestore();

    const viewer = await makeUser("viewer");
    const admin = await makeUser("admin");
    const call = (token: string) =>
      reprocessRoute(
        new Request(`http://tao.test/api/v1/gitlab/events/${failed.id}/reprocess`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ id: String(failed.id) }) },
      );
    expect((await call(viewer.token)).status).toBe(403);
    expect((await call(admin.token)).status).toBe(202);
    const handled = await waitForEvent(failed.id, ["handled"]);
    expect(handled).toMatchObject({ error: "", attempts: 2 });
    expect(await feature("feature_reprocess")).toMatchObject({ status: "new" });
  });

  it("a transient SQLite lock is retried inside the same attempt", async () => {
    const spy = vi
      .spyOn(handlers, "push")
      .mockRejectedValueOnce(new Error("SqliteError: database is locked"));
    const body = clone(sample("02_push_branch_create.json"));
    body.ref = "refs/heads/feature_locked";
    const res = await send(body, "Push Hook");
    expect(await waitForEvent(res.body.id!)).toMatchObject({ status: "handled", attempts: 1, error: "" });
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
    expect(await feature("feature_locked")).toMatchObject({ status: "new" });
  });

  it("a payload of the wrong shape fails with a readable error and stays stored", async () => {
    const res = await send({ object_kind: "push", ref: 42, project: {} }, "Push Hook");
    const ev = await waitForEvent(res.body.id!);
    expect(ev.status).toBe("failed");
    expect(ev.error).toContain("does not have the expected shape");
  });
});
