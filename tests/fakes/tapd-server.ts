import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

// A local TAPD Open API for tests and the demo, speaking TAPD's wire format (tapd-samples/: real
// response shapes): Basic auth, the {status, data, info} envelope, limit/page paging with `fields`,
// order=created asc, the filter operators (>, <, <>, a~b, a|b), {path}/count, the silent deep-paging
// cut-off, and fault modes (401, 429, 5xx, a malformed body, a reset connection) on demand.

export type Row = Record<string, unknown>;
export type FakeEntity = "workspaces" | "iterations" | "stories" | "bugs" | "bugChanges" | "storyChanges";
export type FailMode = 401 | 429 | 500 | 502 | 503 | "malformed" | "reset";
export type FakeRequest = { path: string; params: Record<string, string>; status: number };

const SAMPLES = path.join(__dirname, "tapd-samples");
const sample = (file: string) => JSON.parse(fs.readFileSync(path.join(SAMPLES, file), "utf8"));
const firstRow = (file: string, key: string): Row => ({ ...sample(file).data[0][key] });

const LISTS: Record<string, { entity: FakeEntity; key: string; maxLimit: number; fields: boolean }> = {
  "/iterations": { entity: "iterations", key: "Iteration", maxLimit: 200, fields: true },
  "/stories": { entity: "stories", key: "Story", maxLimit: 200, fields: true },
  "/bugs": { entity: "bugs", key: "Bug", maxLimit: 200, fields: true },
  "/bug_changes": { entity: "bugChanges", key: "BugChange", maxLimit: 100, fields: false },
  "/story_changes": { entity: "storyChanges", key: "WorkitemChange", maxLimit: 100, fields: false },
};
const NOT_FILTERS = new Set(["workspace_id", "limit", "page", "order", "fields", "company_id", "system"]);

/** A TAPD long id: "11" + workspace id + the short id on 9 digits (19 digits for 8-digit workspaces). */
export const tapdId = (workspaceId: string, n: number) => `11${workspaceId}${String(n).padStart(9, "0")}`;

/** An instant as TAPD writes it: China time, no zone. */
export const chinaTime = (at: Date) =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

// Rows shaped like the samples (every field TAPD sends), with the given values on top.
export const sampleWorkspace = (v: Row): Row => ({
  ...firstRow("workspaces_projects_response.json", "Workspace"),
  ...v,
});
export const sampleIteration = (v: Row): Row => ({
  ...firstRow("iterations_list_response.json", "Iteration"),
  ...v,
});
export const sampleStory = (v: Row): Row => ({ ...firstRow("stories_list_response.json", "Story"), ...v });
export const sampleBug = (v: Row): Row => ({ ...firstRow("bugs_list_response.json", "Bug"), ...v });
export const sampleBugChange = (v: Row): Row => ({
  ...firstRow("bug_changes_list_response.json", "BugChange"),
  ...v,
});
export const sampleStoryChange = (v: Row): Row => ({
  ...firstRow("story_changes_list_response.json", "WorkitemChange"),
  ...v,
});

export class FakeTapd {
  readonly data: Record<FakeEntity, Row[]> = {
    workspaces: [],
    iterations: [],
    stories: [],
    bugs: [],
    bugChanges: [],
    storyChanges: [],
  };
  /** `${workspaceId}:${system}` → status map; unknown workspaces get the samples' maps. */
  readonly statusMaps = new Map<string, Record<string, string>>();
  readonly requests: FakeRequest[] = [];
  deepPagingLimit = 20_000;
  private failures: { mode: FailMode; path?: string; remaining: number; retryAfter?: number }[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    readonly user: string,
    public password: string,
  ) {}

  static async start(opts: { user?: string; password?: string } = {}): Promise<FakeTapd> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeTapd(
      server,
      `http://127.0.0.1:${port}`,
      opts.user ?? "tao-api",
      opts.password ?? "s3cret",
    );
    server.on("request", (req, res) => fake.handle(req, res));
    return fake;
  }

  /** The next `times` requests (to `path`, when given) fail in this way. */
  fail(mode: FailMode, opts: { times?: number; path?: string; retryAfter?: number } = {}) {
    this.failures.push({ mode, path: opts.path, remaining: opts.times ?? 1, retryAfter: opts.retryAfter });
  }

  /** Changes a row as TAPD would: the given values, and `modified` now (or as given). */
  update(entity: FakeEntity, id: string, values: Row) {
    const row = this.data[entity].find((r) => r.id === id);
    if (!row) throw new Error(`fake TAPD: no ${entity} ${id}`);
    Object.assign(row, { modified: chinaTime(new Date()) }, values);
  }

  listRequests(p: string) {
    return this.requests.filter((r) => r.path === p);
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", this.url);
    const params = Object.fromEntries(url.searchParams);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ path: url.pathname, params, status });
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    const expected = `Basic ${Buffer.from(`${this.user}:${this.password}`).toString("base64")}`;
    if (req.headers.authorization !== expected)
      return send(401, sample("error_401_example.json"), { "www-authenticate": "Basic realm='TAPD API'" });

    const failure = this.failures.find((f) => f.remaining > 0 && (!f.path || f.path === url.pathname));
    if (failure) {
      failure.remaining--;
      if (failure.mode === "reset") {
        this.requests.push({ path: url.pathname, params, status: 0 });
        return req.socket.destroy();
      }
      if (failure.mode === "malformed") return send(200, '{"status":1,"data":[{"Bug":{"id":"11');
      if (failure.mode === 401) return send(401, sample("error_401_example.json"));
      const retry: Record<string, string> =
        failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {};
      return send(failure.mode, `<html><body>${failure.mode}</body></html>`, retry);
    }

    const ok = (data: unknown) => send(200, { status: 1, data, info: "success" });
    const p = url.pathname;
    if (p === "/quickstart/testauth") return ok({ api_user: this.user, api_password: "******" });
    if (p === "/workspaces/projects") return ok(this.data.workspaces.map((w) => ({ Workspace: w })));
    if (p === "/workspaces/get_workspace_info") {
      const w = this.data.workspaces.find((x) => x.id === params.workspace_id);
      return w ? ok({ Workspace: w }) : send(200, { status: 0, data: "", info: "workspace not found" });
    }
    if (p === "/workflows/status_map") {
      const own = this.statusMaps.get(`${params.workspace_id}:${params.system}`);
      return ok(
        own ?? sample(`status_map_${params.system === "story" ? "story" : "bug"}_response.json`).data,
      );
    }
    const counting = p.endsWith("/count");
    const list = LISTS[counting ? p.slice(0, -"/count".length) : p];
    if (!list) return send(404, { status: 404, data: "", info: "not found" });
    if (!params.workspace_id) return send(200, { status: 0, data: "", info: "workspace_id is required" });
    const rows = this.data[list.entity]
      .filter((r) => String(r.workspace_id) === params.workspace_id)
      .filter((r) => Object.entries(params).every(([k, v]) => NOT_FILTERS.has(k) || matches(r[k], v)))
      .sort((a, b) => compare(a.created, b.created) || compare(a.id, b.id));
    if (counting) return ok({ count: rows.length });

    const limit = Math.min(Number(params.limit ?? 30), list.maxLimit);
    const page = Math.max(1, Number(params.page ?? 1));
    // Past the deep-paging limit TAPD answers with nothing: a client that does not slice loses rows.
    const slice = page * limit > this.deepPagingLimit ? [] : rows.slice((page - 1) * limit, page * limit);
    const fields = list.fields && params.fields ? params.fields.split(",") : null;
    return ok(slice.map((r) => ({ [list.key]: fields ? pick(r, fields) : r })));
  }
}

function compare(a: unknown, b: unknown): number {
  const x = String(a ?? "");
  const y = String(b ?? "");
  return x.length !== y.length && /^\d+$/.test(x) && /^\d+$/.test(y)
    ? x.length - y.length
    : x < y
      ? -1
      : x > y
        ? 1
        : 0;
}

/** TAPD's filter syntax on one field (values compared as TAPD's strings). */
function matches(value: unknown, filter: string): boolean {
  const v = value == null ? "" : String(value);
  if (filter.startsWith("<>")) return v !== filter.slice(2);
  if (filter.startsWith(">=")) return v >= filter.slice(2);
  if (filter.startsWith("<=")) return v !== "" && v <= filter.slice(2);
  if (filter.startsWith(">")) return v > filter.slice(1);
  if (filter.startsWith("<")) return v !== "" && v < filter.slice(1);
  if (filter.includes("~")) {
    const [from, to] = filter.split("~") as [string, string];
    return v >= from && v <= to;
  }
  if (filter.includes("|")) return filter.split("|").includes(v);
  return v === filter;
}

function pick(row: Row, fields: string[]): Row {
  const out: Row = {};
  for (const f of fields) if (f in row) out[f] = row[f];
  return out;
}
