import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "@/lib/catalog/products";
import { db } from "@/lib/db";
import { mapWorkspaceToProduct } from "@/lib/tapd/workspaces";
import {
  chinaTime,
  FakeTapd,
  sampleBugChange,
  sampleIteration,
  sampleStoryChange,
  tapdId,
} from "../fakes/tapd-server";
import {
  bugId,
  configureTapd,
  counts,
  iterationId,
  newWorkspaceId,
  seedWorkspace,
  storyId,
  syncNow,
  system,
  uid,
} from "./tapd-helpers";

// Sync against a local fake TAPD speaking TAPD's wire format: full and incremental runs, paging,
// deep-paging slices, ids beyond 2^53, China time, status maps, change history, iterations → releases.

let fake: FakeTapd;
beforeAll(async () => {
  fake = await FakeTapd.start();
});
afterAll(async () => {
  await fake?.close();
});

const samples = path.resolve(__dirname, "../fakes/tapd-samples");
const sampleRows = (file: string, key: string) =>
  JSON.parse(fs.readFileSync(path.join(samples, file), "utf8")).data.map(
    (d: Record<string, unknown>) => d[key],
  );

describe("TAPD sync", () => {
  it("reads TAPD's sample rows as they are: long ids as strings, China time as instants", async () => {
    fake.data.workspaces.push(...sampleRows("workspaces_projects_response.json", "Workspace"));
    fake.data.workspaces.push({ id: "991", name: "sample", status: "normal" });
    fake.data.bugs.push(...sampleRows("bugs_list_response.json", "Bug"));
    fake.data.stories.push(...sampleRows("stories_list_response.json", "Story"));
    fake.data.iterations.push(...sampleRows("iterations_list_response.json", "Iteration"));
    fake.data.bugChanges.push(...sampleRows("bug_changes_list_response.json", "BugChange"));
    fake.data.storyChanges.push(...sampleRows("story_changes_list_response.json", "WorkitemChange"));
    await configureTapd(fake, ["991"]);

    const run = await syncNow();
    expect(run).toMatchObject({ status: "success", mode: "full", error: "" });
    expect(counts(run)).toMatchObject({ workspaces: 1, iterations: 10, stories: 4, bugs: 3, bugChanges: 2 });

    const bug = await db.tapdBug.findUniqueOrThrow({ where: { id: "11991001001025" } });
    expect(bug).toMatchObject({ workspaceId: "991", status: "closed", iterationId: "11991001000077" });
    expect(bug.created?.toISOString()).toBe("2020-02-13T06:04:29.000Z"); // "2020-02-13 14:04:29" +08:00
    expect(bug.closed?.toISOString()).toBe("2020-02-14T08:50:03.000Z");

    // A 19-digit id (beyond 2^53) survives exactly: as a JSON number it would have become …040
    const story = await db.tapdStory.findUniqueOrThrow({ where: { id: "11991001038911" } });
    expect(story).toMatchObject({
      iterationId: null,
      parentId: null,
      begin: "2021-09-14",
      status: "status_5",
    });
    const iteration = await db.tapdIteration.findUniqueOrThrow({ where: { id: "11991001000077" } });
    expect(iteration).toMatchObject({ name: "迭代1", startDate: "2020-02-10", status: "done" });

    // Story changes: one row per field, tapd_request_id dropped, iteration moves kept as ids.
    const changes = await db.tapdChange.findMany({
      where: { entityType: "story", entityId: "11991001037563" },
      orderBy: { changedAt: "asc" },
    });
    expect(changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ["status", "planning", "developing"],
      ["iteration_id", "11991001000077", null],
    ]);
    expect(changes[0]!.changedAt.toISOString()).toBe("2019-12-12T10:12:07.000Z");

    // Every item list asked TAPD for explicit fields, in pages of at most 200, oldest first.
    for (const p of ["/bugs", "/stories", "/iterations"])
      for (const r of fake.listRequests(p)) {
        expect(r.params.fields).toContain("id");
        expect(Number(r.params.limit)).toBeLessThanOrEqual(200);
        expect(r.params.order).toBe("created asc");
      }
    for (const r of fake.listRequests("/bug_changes"))
      expect(Number(r.params.limit)).toBeLessThanOrEqual(100);
  });

  it("keeps 19-digit ids exact and stores each workspace's status maps", async () => {
    const ws = newWorkspaceId();
    seedWorkspace(fake, ws);
    fake.statusMaps.set(`${ws}:bug`, {
      new: "新",
      in_progress: "接受/处理",
      resolved: "已解决",
      closed: "已关闭",
    });
    fake.statusMaps.set(`${ws}:story`, { planning: "规划中", developing: "开发中", status_3: "测试中" });
    await configureTapd(fake, [ws]);

    const run = await syncNow();
    expect(run.status).toBe("success");
    // 19 digits, beyond 2^53: as a JSON number most of these would lose their last digits
    const ids = Array.from({ length: 5 }, (_, i) => bugId(ws, i));
    const id = ids.find((i) => String(Number(i)) !== i)!;
    expect(id).toHaveLength(19);
    expect(Number(id)).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    expect(await db.tapdBug.findUnique({ where: { id } })).toMatchObject({ id, workspaceId: ws });

    const statuses = await db.tapdStatus.findMany({ where: { workspaceId: ws }, orderBy: { key: "asc" } });
    expect(statuses.filter((s) => s.system === "bug").map((s) => [s.key, s.label])).toEqual([
      ["closed", "已关闭"],
      ["in_progress", "接受/处理"],
      ["new", "新"],
      ["resolved", "已解决"],
    ]);
    expect(statuses.find((s) => s.system === "story" && s.key === "status_3")?.label).toBe("测试中");
  });

  it("pages through lists longer than one page", async () => {
    const ws = newWorkspaceId();
    seedWorkspace(fake, ws, { bugs: 450, stories: 201 });
    await configureTapd(fake, [ws]);

    const run = await syncNow();
    expect(counts(run)).toMatchObject({ bugs: 450, stories: 201 });
    expect(await db.tapdBug.count({ where: { workspaceId: ws } })).toBe(450);
    const pages = fake.listRequests("/bugs").filter((r) => r.params.workspace_id === ws);
    expect(pages.map((r) => r.params.page)).toEqual(["1", "2", "3"]);
    expect(pages.every((r) => r.params.limit === "200")).toBe(true);
  });

  it("cuts a list beyond the deep-paging limit into created-time slices and loses nothing", async () => {
    const ws = newWorkspaceId();
    seedWorkspace(fake, ws, { bugs: 700, stories: 0 });
    fake.deepPagingLimit = 200; // TAPD's 20 000, scaled down: past it the fake answers empty pages
    await configureTapd(fake, [ws]);
    try {
      const run = await syncNow({ client: { deepPagingLimit: 200 } });
      expect(run.status).toBe("success");
      expect(await db.tapdBug.count({ where: { workspaceId: ws } })).toBe(700);
      const bugRequests = fake.listRequests("/bugs").filter((r) => r.params.workspace_id === ws);
      expect(bugRequests.some((r) => r.params.created?.includes("~"))).toBe(true);
      // never asked for a page the fake would have answered empty
      for (const r of bugRequests)
        expect(Number(r.params.page) * Number(r.params.limit)).toBeLessThanOrEqual(200);
    } finally {
      fake.deepPagingLimit = 20_000;
    }
  });

  it("fetches only what changed after the first full run", async () => {
    const ws = newWorkspaceId();
    seedWorkspace(fake, ws, { bugs: 5, stories: 3 });
    await configureTapd(fake, [ws]);
    const first = await syncNow();
    expect(first.mode).toBe("full");

    const now = new Date();
    const changed = bugId(ws, 1);
    fake.update("bugs", changed, { status: "resolved", resolved: chinaTime(now) });
    fake.data.bugChanges.push(
      sampleBugChange({
        id: tapdId(ws, 9001),
        workspace_id: ws,
        bug_id: changed,
        field: "status",
        old_value: "new",
        new_value: "resolved",
        created: chinaTime(now),
      }),
    );
    const added = bugId(ws, 999);
    fake.data.bugs.push({ ...fake.data.bugs.find((b) => b.id === changed)!, id: added, status: "new" });
    fake.data.storyChanges.push(
      sampleStoryChange({
        id: tapdId(ws, 9002),
        workspace_id: ws,
        story_id: storyId(ws, 0),
        created: chinaTime(now),
      }),
    );
    const before = fake.requests.length;

    const second = await syncNow();
    expect(second).toMatchObject({ status: "success", mode: "incremental" });
    // The changed and the new bug, plus each list's newest row read again: the cursor overlaps by a minute.
    expect(counts(second)).toMatchObject({
      bugs: 3,
      stories: 1,
      iterations: 1,
      bugChanges: 1,
      storyChanges: 1,
    });
    const asked = fake.requests.slice(before).filter((r) => r.params.workspace_id === ws);
    expect(asked.find((r) => r.path === "/bugs")?.params.modified).toMatch(
      /^>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
    );
    expect(asked.find((r) => r.path === "/bug_changes")?.params.created).toMatch(/^>/);

    expect(await db.tapdBug.findUniqueOrThrow({ where: { id: changed } })).toMatchObject({
      status: "resolved",
    });
    expect(await db.tapdBug.findUnique({ where: { id: added } })).not.toBeNull();
    const history = await db.tapdChange.findMany({ where: { entityType: "bug", entityId: changed } });
    expect(history.map((h) => [h.field, h.before, h.after])).toEqual([["status", "new", "resolved"]]);

    // Running again with nothing new reads only the overlap minute: the two bugs changed just now and
    // the newest story and iteration.
    expect(counts(await syncNow())).toMatchObject({ bugs: 2, stories: 1, iterations: 1 });
  });

  it("writes the same rows again on a full resync (idempotent upserts)", async () => {
    const ws = newWorkspaceId();
    seedWorkspace(fake, ws, { bugs: 12, stories: 4 });
    await configureTapd(fake, [ws]);
    await syncNow();
    const rows = async () => ({
      bugs: await db.tapdBug.count({ where: { workspaceId: ws } }),
      stories: await db.tapdStory.count({ where: { workspaceId: ws } }),
      changes: await db.tapdChange.count({ where: { workspaceId: ws } }),
    });
    const after1 = await rows();
    const again = await syncNow({ full: true });
    expect(again).toMatchObject({ status: "success", mode: "full" });
    expect(counts(again)).toMatchObject({ bugs: 12, stories: 4 });
    expect(await rows()).toEqual(after1);
  });

  it("makes a release of the mapped product for every iteration (version = its name)", async () => {
    const ws = newWorkspaceId();
    seedWorkspace(fake, ws, { iterations: 2 });
    await configureTapd(fake, [ws]);
    await syncNow();
    const product = await createProduct(system, { name: `tapd-product-${uid()}` });
    const mapped = await mapWorkspaceToProduct(system, ws, { productId: product.id });
    expect(mapped.releasesCreated).toBe(2);
    const releases = () =>
      db.release.findMany({
        where: { productId: product.id },
        orderBy: { version: "asc" },
        select: { version: true, status: true },
      });
    expect(await releases()).toEqual([
      { version: "v1.0.0", status: "released" },
      { version: "v1.1.0", status: "draft" },
    ]);

    // A new iteration appears in TAPD, and one is renamed: the next sync follows both.
    fake.data.iterations.push(
      sampleIteration({
        id: iterationId(ws, 100),
        workspace_id: ws,
        name: "v1.2.0",
        status: "open",
        created: chinaTime(new Date()),
        modified: chinaTime(new Date()),
      }),
    );
    fake.update("iterations", iterationId(ws, 1), { name: "v1.1.1" });
    const run = await syncNow();
    expect(counts(run).releases).toBe(1);
    expect((await releases()).map((r) => r.version)).toEqual(["v1.0.0", "v1.1.1", "v1.2.0"]);
    const it12 = await db.tapdIteration.findUniqueOrThrow({
      where: { id: iterationId(ws, 100) },
      include: { release: true },
    });
    expect(it12.release?.version).toBe("v1.2.0");
  });

  it("mirrors a deleted bug (TAPD's delete_bug change)", async () => {
    const ws = newWorkspaceId();
    seedWorkspace(fake, ws, { bugs: 2 });
    await configureTapd(fake, [ws]);
    await syncNow();
    const gone = bugId(ws, 0);
    fake.data.bugs = fake.data.bugs.filter((b) => b.id !== gone);
    fake.data.bugChanges.push(
      sampleBugChange({
        id: tapdId(ws, 9100),
        workspace_id: ws,
        bug_id: gone,
        field: "delete_bug",
        old_value: "--",
        new_value: "--",
        created: chinaTime(new Date()),
      }),
    );
    await syncNow();
    expect(await db.tapdBug.findUnique({ where: { id: gone } })).toBeNull();
    expect(await db.tapdBug.count({ where: { workspaceId: ws } })).toBe(1);
  });
});
