import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getRuns } from "@/app/api/v1/tapd/runs/route";
import { GET as getSettings, PUT as putSettings } from "@/app/api/v1/tapd/settings/route";
import { POST as testConnection } from "@/app/api/v1/tapd/settings/test/route";
import { POST as syncRoute } from "@/app/api/v1/tapd/sync/route";
import { db } from "@/lib/db";
import { TAPD_SCHEDULER_ID, tapdQueue } from "@/lib/jobs/queues";
import { startTapdProcessor } from "@/workers/tapd-processor";
import { FakeTapd } from "../fakes/tapd-server";
import { makeTapdUser, newWorkspaceId, seedWorkspace, waitUntil } from "./tapd-helpers";

// The settings API (password in, never out), the repeatable job that follows them, and "sync now"
// through the queue and the worker's TAPD processor, recorded as a run.

let fake: FakeTapd;
let admin: Awaited<ReturnType<typeof makeTapdUser>>;
let worker: Awaited<ReturnType<typeof startTapdProcessor>> | undefined;
const ws = newWorkspaceId();

beforeAll(async () => {
  fake = await FakeTapd.start({ password: "tapd-api-password-123" });
  seedWorkspace(fake, ws, { bugs: 4, stories: 2 });
  admin = await makeTapdUser("admin", ["admin"]);
});
afterAll(async () => {
  await worker?.close();
  await tapdQueue().removeJobScheduler(TAPD_SCHEDULER_ID);
  await fake?.close();
});

const call = (handler: typeof getRuns, method: string, url: string, body?: unknown) =>
  handler(
    new Request(`http://tao.test${url}`, {
      method,
      headers: {
        authorization: `Bearer ${admin.token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );

describe("TAPD settings, schedule and sync now", () => {
  it("saves the connection, never returns the password, and schedules the sync every N minutes", async () => {
    const res = await call(putSettings, "PUT", "/api/v1/tapd/settings", {
      enabled: true,
      baseUrl: fake.url,
      apiUser: fake.user,
      apiPassword: fake.password,
      companyId: "",
      workspaceIds: ws,
      intervalMinutes: 15,
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(fake.password);
    expect(JSON.parse(text)).toMatchObject({
      settings: { passwordSet: true, intervalMinutes: 15 },
      schedule: { everyMinutes: 15 },
    });
    const stored = await db.tapdSettings.findUniqueOrThrow({
      where: { id: 1 },
      omit: { apiPasswordEnc: false },
    });
    expect(stored.apiPasswordEnc).toMatch(/^v1\./);
    expect(stored.apiPasswordEnc).not.toContain(fake.password);

    const scheduler = await tapdQueue().getJobScheduler(TAPD_SCHEDULER_ID);
    expect(scheduler?.every).toBe(15 * 60_000);

    const read = await call(getSettings, "GET", "/api/v1/tapd/settings");
    expect(await read.text()).not.toContain(fake.password);

    // saving without a password keeps the stored one
    const again = await call(putSettings, "PUT", "/api/v1/tapd/settings", {
      enabled: true,
      baseUrl: fake.url,
      apiUser: fake.user,
      workspaceIds: ws,
      intervalMinutes: 10,
    });
    expect(again.status).toBe(200);
    expect((await tapdQueue().getJobScheduler(TAPD_SCHEDULER_ID))?.every).toBe(10 * 60_000);
    const test = await call(testConnection, "POST", "/api/v1/tapd/settings/test");
    expect(await test.json()).toMatchObject({ ok: true });
  });

  it("rejects settings without a company or workspace, with the field named", async () => {
    const res = await call(putSettings, "PUT", "/api/v1/tapd/settings", {
      baseUrl: fake.url,
      apiUser: fake.user,
      companyId: "",
      workspaceIds: "",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^companyId: /);
  });

  it("runs a sync when asked, through the queue and the worker, and lists the run", async () => {
    await db.tapdSyncRun.deleteMany();
    worker = await startTapdProcessor();
    const res = await call(syncRoute, "POST", "/api/v1/tapd/sync", { full: false });
    expect([200, 202]).toContain(res.status);
    const run = await waitUntil(
      "the manual run",
      async () =>
        db.tapdSyncRun.findFirst({
          where: { trigger: "manual", status: { not: "running" } },
          orderBy: { id: "desc" },
        }),
      60_000,
    );
    expect(run).toMatchObject({ status: "success", requestedBy: admin.username });
    expect(await db.tapdBug.count({ where: { workspaceId: ws } })).toBe(4);

    const list = await call(getRuns, "GET", "/api/v1/tapd/runs?limit=5");
    const { items } = (await list.json()) as {
      items: { id: number; trigger: string; counts: Record<string, number> }[];
    };
    // The schedule (enabled above) may have run first: then this run only read what changed.
    expect(items.find((i) => i.id === run.id)?.counts).toMatchObject({
      workspaces: 1,
      bugs: expect.any(Number),
    });
    const total = items.reduce((n, i) => n + (i.counts.bugs ?? 0), 0);
    expect(total).toBeGreaterThanOrEqual(4);
  });

  it("stops scheduling when disabled", async () => {
    const res = await call(putSettings, "PUT", "/api/v1/tapd/settings", {
      enabled: false,
      baseUrl: fake.url,
      apiUser: fake.user,
      workspaceIds: ws,
    });
    expect(((await res.json()) as { schedule: unknown }).schedule).toEqual({ everyMinutes: null });
    expect(await tapdQueue().getJobScheduler(TAPD_SCHEDULER_ID)).toBeUndefined();
  });
});
