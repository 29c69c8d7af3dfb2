import { beforeAll, describe, expect, it } from "vitest";
import { GET as bugsRoute } from "@/app/api/v1/tapd/bugs/route";
import { GET as storiesRoute } from "@/app/api/v1/tapd/stories/route";
import { GET as tasksRoute } from "@/app/api/v1/tasks.ndjson/route";
import { createProduct } from "@/lib/catalog/products";
import { db } from "@/lib/db";
import { createEnvironment } from "@/lib/environments/environments";
import { tapdId } from "../fakes/tapd-server";
import { makeTapdUser, newWorkspaceId, system, uid } from "./tapd-helpers";

// The raw data API through the real route handlers: NDJSON read line by line, only the requested
// fields, the whitelist, the filters, token auth (Bearer and Basic), and the deployments export.

const BUGS = 3000; // several 64 KB chunks
let ws: string;
let other: string;
let token: string;
let productId: string;

beforeAll(async () => {
  ws = newWorkspaceId();
  other = newWorkspaceId();
  token = (await makeTapdUser("viewer", ["read"])).token;
  const product = await createProduct(system, { name: `export-${uid()}` });
  productId = product.id;
  const release = await db.release.create({ data: { productId, version: "v2.0.0" } });
  await db.tapdWorkspace.createMany({
    data: [
      { id: ws, name: "导出", productId },
      { id: other, name: "other" },
    ],
  });
  await db.tapdStatus.createMany({
    data: [
      { workspaceId: ws, system: "bug", key: "new", label: "新" },
      { workspaceId: ws, system: "bug", key: "closed", label: "已关闭" },
      { workspaceId: ws, system: "story", key: "developing", label: "开发中" },
    ],
  });
  const iteration = tapdId(ws, 1_001_000);
  await db.tapdIteration.create({
    data: { id: iteration, workspaceId: ws, name: "v2.0.0", releaseId: release.id },
  });
  const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d, 2, 0, 0));
  await db.tapdBug.createMany({
    data: Array.from({ length: BUGS }, (_, i) => ({
      id: tapdId(ws, 1_003_000 + i),
      workspaceId: ws,
      title: `缺陷 "${i}"\n第二行`,
      status: i % 3 ? "new" : "closed",
      iterationId: i % 2 ? iteration : null,
      created: day(i % 30),
      modified: day(i % 30),
    })),
  });
  await db.tapdBug.create({
    data: { id: tapdId(other, 1_003_000), workspaceId: other, title: "x", status: "new" },
  });
  await db.tapdStory.create({
    data: {
      id: tapdId(ws, 1_002_000),
      workspaceId: ws,
      name: "需求",
      status: "developing",
      iterationId: iteration,
    },
  });
});

async function get(handler: typeof bugsRoute, url: string, headers: Record<string, string> = {}) {
  return handler(
    new Request(`http://tao.test${url}`, { headers: { authorization: `Bearer ${token}`, ...headers } }),
    {
      params: Promise.resolve({}),
    },
  );
}

/** Reads the body the way a client would: chunk by chunk, one JSON object per complete line. */
async function readLines(res: Response): Promise<Record<string, unknown>[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const out: Record<string, unknown>[] = [];
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      out.push(JSON.parse(buffer.slice(0, nl)));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf("\n");
    }
    if (done) break;
  }
  expect(buffer).toBe(""); // every line ends with \n
  return out;
}

describe("raw data API (NDJSON)", () => {
  it("streams bugs with only the requested fields, ids as strings", async () => {
    const res = await get(bugsRoute, `/api/v1/tapd/bugs?workspace_id=${ws}&fields=id,status,title`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const rows = await readLines(res);
    expect(rows).toHaveLength(BUGS);
    for (const r of rows) expect(Object.keys(r)).toEqual(["id", "status", "title"]);
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.has(tapdId(ws, 1_003_007))).toBe(true);
    expect(typeof rows[0]!.id).toBe("string");
    expect(rows.find((r) => r.id === tapdId(ws, 1_003_005))?.title).toBe('缺陷 "5"\n第二行');
  });

  it("joins status labels, iteration names and release versions only when asked", async () => {
    const res = await get(
      bugsRoute,
      `/api/v1/tapd/bugs?workspace_id=${ws}&fields=id,status_label,iteration_name,release_version,created`,
    );
    const rows = await readLines(res);
    const one = rows.find((r) => r.id === tapdId(ws, 1_003_003))!;
    expect(one).toEqual({
      id: tapdId(ws, 1_003_003),
      status_label: "已关闭",
      iteration_name: "v2.0.0",
      release_version: "v2.0.0",
      created: "2024-01-04T02:00:00.000+00:00",
    });
    expect(rows.find((r) => r.id === tapdId(ws, 1_003_002))).toMatchObject({
      iteration_name: null,
      status_label: "新",
    });
  });

  it("filters by modified_since and workspace, and answers every field when none are named", async () => {
    const since = await readLines(
      await get(
        bugsRoute,
        `/api/v1/tapd/bugs?workspace_id=${ws}&fields=id,modified&modified_since=2024-01-29`,
      ),
    );
    expect(since).toHaveLength(BUGS / 30 + BUGS / 30); // days 28 and 29 of 0..29
    expect(since.every((r) => String(r.modified) >= "2024-01-29")).toBe(true);
    const tz = await readLines(
      await get(
        bugsRoute,
        `/api/v1/tapd/bugs?workspace_id=${ws}&fields=id&modified_since=2024-01-30T09:00:00%2B08:00`,
      ),
    );
    expect(tz).toHaveLength(BUGS / 30); // 2024-01-30T02:00Z is not before 01:00Z

    const all = await readLines(await get(bugsRoute, `/api/v1/tapd/bugs?workspace_id=${other}`));
    expect(all).toHaveLength(1);
    expect(Object.keys(all[0]!)).toContain("version_report");
    expect(all[0]).toMatchObject({ workspace_id: other, status: "new" });
  });

  it("answers 400 with the allowed fields for an unknown field, parameter or date", async () => {
    const bad = await get(bugsRoute, "/api/v1/tapd/bugs?fields=id,password");
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { message: string } };
    expect(error.message).toMatch(
      /^fields: unknown field\(s\) password; the bugs fields are id, workspace_id, title/,
    );
    expect((await get(bugsRoute, "/api/v1/tapd/bugs?field=id")).status).toBe(400);
    expect((await get(bugsRoute, "/api/v1/tapd/bugs?modified_since=yesterday")).status).toBe(400);
    expect((await get(bugsRoute, "/api/v1/tapd/bugs?workspace_id=abc")).status).toBe(400);
    expect((await get(bugsRoute, "/api/v1/tapd/bugs?fields=")).status).toBe(400);
  });

  it("needs a token: Bearer, or Basic with the token as password (what pandas/requests send)", async () => {
    const none = await bugsRoute(new Request("http://tao.test/api/v1/tapd/bugs"), {
      params: Promise.resolve({}),
    });
    expect(none.status).toBe(401);
    const basic = `Basic ${Buffer.from(`anyone:${token}`).toString("base64")}`;
    const res = await get(bugsRoute, `/api/v1/tapd/bugs?workspace_id=${other}&fields=id`, {
      authorization: basic,
    });
    expect(await readLines(res)).toEqual([{ id: tapdId(other, 1_003_000) }]);
    const buildOnly = (await makeTapdUser("deployer", ["report-build"])).token;
    const forbidden = await get(bugsRoute, "/api/v1/tapd/bugs", { authorization: `Bearer ${buildOnly}` });
    expect(forbidden.status).toBe(403);
  });

  it("streams stories with labels", async () => {
    const rows = await readLines(
      await get(
        storiesRoute,
        `/api/v1/tapd/stories?workspace_id=${ws}&fields=id,name,status_label,release_version`,
      ),
    );
    expect(rows).toEqual([
      { id: tapdId(ws, 1_002_000), name: "需求", status_label: "开发中", release_version: "v2.0.0" },
    ]);
  });

  it("streams deployments (tasks) with their environment, product and parameters", async () => {
    const env = await createEnvironment(system, { name: `export-${uid()}` });
    const task = await db.task.create({
      data: {
        type: "components",
        status: "success",
        environmentId: env.id,
        productId,
        params: JSON.stringify({ components: [{ name: "component-a", image: "r/a:v1" }] }),
        creatorName: "qa",
      },
    });
    const rows = await readLines(
      await get(
        tasksRoute,
        `/api/v1/tasks.ndjson?workspace_id=${ws}&fields=id,status,environment,product,params,created_at`,
      ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: task.id,
      status: "success",
      environment: env.name,
      params: { components: [{ name: "component-a", image: "r/a:v1" }] },
    });
    expect(Date.parse(String(rows[0]!.created_at))).toBe(task.createdAt.getTime());
    const bad = await get(tasksRoute, "/api/v1/tasks.ndjson?fields=id,secret");
    expect(bad.status).toBe(400);
  });
});
