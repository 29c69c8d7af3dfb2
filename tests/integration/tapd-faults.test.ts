import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { chinaTime, FakeTapd } from "../fakes/tapd-server";
import {
  bugId,
  configureTapd,
  counts,
  newWorkspaceId,
  seedWorkspace,
  storyId,
  syncNow,
} from "./tapd-helpers";

// What the sync does when TAPD misbehaves: a clear error in the run record, retries with backoff for
// 429 / 5xx / broken bodies / cut connections, and nothing lost of what was synced before.

let fake: FakeTapd;
let ws: string;
beforeAll(async () => {
  fake = await FakeTapd.start({ password: "right-password" });
  ws = newWorkspaceId();
  seedWorkspace(fake, ws, { bugs: 5, stories: 2 });
});
afterAll(async () => {
  await fake?.close();
});

const statuses = (path: string) => fake.listRequests(path).map((r) => r.status);

describe("TAPD faults", () => {
  it("records a clear error when TAPD rejects the credentials, without retrying or leaking the password", async () => {
    await configureTapd(fake, [ws]);
    fake.password = "changed-in-tapd";
    const before = fake.requests.length;
    try {
      const run = await syncNow();
      expect(run.status).toBe("failed");
      expect(run.error).toMatch(
        /TAPD rejected the API credentials \(HTTP 401\).*check the API user and password/,
      );
      expect(run.error).not.toContain("right-password");
      expect(run.finishedAt).not.toBeNull();
      expect(fake.requests.length - before).toBe(1); // 401 is final: no retries
    } finally {
      fake.password = "right-password";
    }
  });

  it("says so when TAPD is not configured", async () => {
    const saved = await db.tapdSettings.findUnique({ where: { id: 1 } });
    await db.tapdSettings.deleteMany();
    try {
      const run = await syncNow();
      expect(run).toMatchObject({ status: "failed" });
      expect(run.error).toMatch(/TAPD is not configured/);
    } finally {
      if (saved) await db.tapdSettings.create({ data: saved });
    }
  });

  it("waits and retries on 429, honouring Retry-After", async () => {
    await configureTapd(fake, [ws]);
    fake.fail(429, { times: 2, path: "/bugs", retryAfter: 0 });
    const run = await syncNow();
    expect(run.status).toBe("success");
    expect(statuses("/bugs").filter((s) => s === 429)).toHaveLength(2);
    expect(await db.tapdBug.count({ where: { workspaceId: ws } })).toBe(5);
  });

  it("retries server errors, broken bodies and cut connections", async () => {
    fake.fail(502, { path: "/stories" });
    fake.fail(503, { path: "/iterations" });
    fake.fail("malformed", { path: "/bugs" });
    fake.fail("reset", { path: "/bug_changes" });
    const run = await syncNow({ full: true });
    expect(run.error).toBe("");
    expect(run.status).toBe("success");
    expect(counts(run)).toMatchObject({ bugs: 5, stories: 2 });
    expect(counts(run).requests).toBeGreaterThan(4);
  });

  it("fails the run on a persistent 5xx, keeps what was synced before, and catches up next time", async () => {
    await syncNow();
    const changed = bugId(ws, 2);
    fake.update("bugs", changed, { status: "closed", closed: chinaTime(new Date()) });
    fake.update("stories", storyId(ws, 0), { status: "developing" });
    fake.fail(500, { times: 5, path: "/bugs" }); // every attempt of one request

    const failed = await syncNow();
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/TAPD answered HTTP 500 \(server error\) on GET \/bugs page 1/);
    // stories came before bugs in this run and were written; bugs are as the last good run left them
    expect((await db.tapdStory.findUniqueOrThrow({ where: { id: storyId(ws, 0) } })).status).toBe(
      "developing",
    );
    expect(await db.tapdBug.count({ where: { workspaceId: ws } })).toBe(5);
    expect((await db.tapdBug.findUniqueOrThrow({ where: { id: changed } })).status).toBe("new");

    const next = await syncNow();
    expect(next.status).toBe("success");
    expect((await db.tapdBug.findUniqueOrThrow({ where: { id: changed } })).status).toBe("closed");
  });

  it("fails with a clear error on a body that stays malformed", async () => {
    fake.fail("malformed", { times: 5, path: "/bugs" });
    const run = await syncNow({ full: true });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/TAPD sent a malformed answer on GET \/bugs page 1: the body is not JSON/);
    expect(await db.tapdBug.count({ where: { workspaceId: ws } })).toBe(5);
  });

  it("rejects rows whose ids arrive as JSON numbers beyond 2^53 instead of storing wrong ids", async () => {
    const other = newWorkspaceId();
    seedWorkspace(fake, other, { bugs: 1, stories: 0 });
    const bug = fake.data.bugs.find((b) => b.workspace_id === other)!;
    bug.id = Number("1146949574001000037"); // what a careless JSON encoder would send
    await configureTapd(fake, [other]);
    const run = await syncNow();
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/row 1 is not a Bug \(id: .*lost its digits\)/);
    expect(await db.tapdBug.count({ where: { workspaceId: other } })).toBe(0);
  });
});
