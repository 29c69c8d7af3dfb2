// Benchmark (issue 7): the cumulative flow diagram over 100 000 stories with 1 000 000 status changes,
// one year, daily step, through the real `next start` server — the falcon `/render` and the JSON data
// source `/query` — against the same CFD as one plain SQL query run directly on the same database file
// with better-sqlite3, in the same run, rounds interleaved. The answers are checked equal first.
// tao reads hourly flow counts the database keeps up to date (TapdStoryFlow), plus the raw history for
// the partial hours at bucket ends. Cases: UTC days (whole hours only), the same right after a sync
// wrote a change, days of a time zone off the hour (+05:30: raw partial hours at every boundary), and
// the first request of a freshly started server. Targets: p95 < 300 ms and ≤ 2× the plain SQL.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { startProcess, waitFor } from "@/scripts/lib/processes";
import { CFD_PRODUCT, CFD_WORKSPACE, CFD_YEAR, generateCfdData } from "./grafana-cfd-data";

const PORT = Number(process.env.BENCH_PORT ?? 3150);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const WARMUP = 3;
/** Server starts whose first request is timed (alternately /render and /query). */
const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 6);
const DAY = 86_400;
const dir = path.resolve(".data/bench/grafana-cfd");
const file = path.join(dir, "tao.db");
const env = {
  DATABASE_URL: `file:${file}`,
  TAO_DATA_DIR: dir,
  REDIS_URL: process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/13",
  TAO_SECRET_KEY: "3".repeat(64),
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
};
const from = CFD_YEAR.from / 1000;
const until = CFD_YEAR.to / 1000;
/** India: days start at 18:30 UTC, never on the hour. */
const OFF_HOUR = { tz: "+05:30", offset: 5.5 * 3600 };

/** status label → count at the end of each day. */
type Cfd = Map<string, number[]>;

/**
 * The CFD as one would write it by hand: every story's entry into its first status, +1/−1 per status
 * change, summed per day and status, then a running sum per status (days without events carry over).
 */
const PLAIN_SQL = `
WITH ev(t, status, n) AS (
  SELECT s.created,
         COALESCE((SELECT ch."before" FROM TapdChange ch WHERE ch.entityType = 'story' AND ch.field = 'status'
                   AND ch.entityId = s.id ORDER BY ch.changedAt LIMIT 1), s.status), 1
  FROM TapdStory s WHERE s.workspaceId = :ws
  UNION ALL
  SELECT changedAt, "after", 1 FROM TapdChange WHERE workspaceId = :ws AND entityType = 'story' AND field = 'status'
  UNION ALL
  SELECT changedAt, "before", -1 FROM TapdChange WHERE workspaceId = :ws AND entityType = 'story' AND field = 'status'
),
per_day(k, status, n) AS (
  SELECT CASE WHEN t < :from THEN -1 ELSE (unixepoch(t) - CAST(:first AS INTEGER)) / ${DAY} END, status, sum(n)
  FROM ev WHERE t < :until GROUP BY 1, 2
)
SELECT p.k AS k, COALESCE(st.label, p.status) AS label,
       sum(p.n) OVER (PARTITION BY p.status ORDER BY p.k) AS count
FROM per_day p LEFT JOIN TapdStatus st ON st.workspaceId = :ws AND st.system = 'story' AND st.key = p.status`;

/** The days of the year in a time zone `offset` seconds east of UTC: the first starts at local midnight. */
function daysOf(offset: number) {
  const first = from - (((offset % DAY) + DAY) % DAY);
  return { first, count: Math.ceil((until - first) / DAY) };
}

function plainSql(conn: Database.Database, offset = 0): Cfd {
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace("Z", "+00:00");
  const { first, count: DAYS } = daysOf(offset);
  const rows = conn.prepare(PLAIN_SQL).all({
    ws: CFD_WORKSPACE,
    from: iso(first),
    until: iso(first + DAYS * DAY),
    first,
  }) as { k: number; label: string; count: number }[];
  const cfd: Cfd = new Map();
  const start = new Map<string, number>(); // the level before the range (k = −1)
  for (const r of rows) {
    const values = cfd.get(r.label) ?? new Array<number>(DAYS).fill(Number.NaN);
    cfd.set(r.label, values);
    if (r.k >= 0) values[r.k] = r.count;
    else start.set(r.label, r.count);
  }
  for (const [label, values] of cfd) {
    let last = start.get(label) ?? 0;
    for (let i = 0; i < values.length; i++) {
      if (Number.isNaN(values[i]!)) values[i] = last;
      else last = values[i]!;
    }
  }
  for (const [label, values] of cfd) if (values.every((v) => v === 0)) cfd.delete(label);
  return cfd;
}

/** tao's own statements (lib/grafana/sql.ts) for the same year in UTC days, without HTTP or assembly. */
async function taoStatements(): Promise<() => unknown> {
  const { cfdRows } = await import("@/lib/grafana/sql");
  const { first, count } = daysOf(0);
  const ranges: [number, number, number][] = [];
  for (let k = 1; k < count; k++) ranges.push([k, first + k * DAY, first + (k + 1) * DAY]);
  ranges.push([count, first + count * DAY, Number.POSITIVE_INFINITY]);
  return () => cfdRows({ workspaceIds: [CFD_WORKSPACE], ranges });
}

async function makeToken(): Promise<{ token: string; product: string }> {
  Object.assign(process.env, env);
  // lib/ is imported only now, so its Prisma client opens the benchmark's database.
  const { createUser } = await import("@/lib/users/users");
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const { db } = await import("@/lib/db");
  const user = await createUser(
    { system: "bench" },
    { username: `bench-${Date.now()}`, role: "viewer", password: "bench-password" },
  );
  const { token } = await createApiToken(user.id, { name: "bench", scopes: ["read"], expiresInDays: 1 });
  const product = (await db.product.findUniqueOrThrow({ where: { id: CFD_PRODUCT } })).name;
  await db.$disconnect();
  return { token, product };
}

/**
 * One POST on a fresh connection (node:http, no agent): a kept-alive socket can be closed by the
 * server's 5 s keep-alive timeout while the slow plain SQL runs between requests.
 */
function post(url: string, token: string, body: string, type: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": type,
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode !== 200)
            reject(new Error(`${url}: HTTP ${res.statusCode} ${text.slice(0, 300)}`));
          else resolve(JSON.parse(text));
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function sameCfd(name: string, got: Cfd, want: Cfd) {
  const g = JSON.stringify([...got].sort(([a], [b]) => a.localeCompare(b)));
  const w = JSON.stringify([...want].sort(([a], [b]) => a.localeCompare(b)));
  if (g !== w) throw new Error(`${name} and the plain SQL disagree:\n${g.slice(0, 400)}\n${w.slice(0, 400)}`);
}

const quantile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
};

async function timed<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

async function main() {
  if (!fs.existsSync(".next/server/app/api/v1/grafana/render/route.js"))
    throw new Error("the build has no /api/v1/grafana/render: run `npx next build` first");
  fs.mkdirSync(dir, { recursive: true });
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], { env: { ...process.env, ...env }, stdio: "ignore" });
  if (fs.existsSync(file)) {
    const cleanup = new Database(file);
    cleanup
      .prepare(`DELETE FROM TapdChange WHERE id LIKE '${SYNC_ID}%' OR workspaceId = 'bench-noise'`)
      .run();
    cleanup.close();
  }
  const g0 = performance.now();
  const generated = generateCfdData(file);
  console.log(
    generated
      ? `generated 100,000 stories and 1,000,000 status changes in ${((performance.now() - g0) / 1000).toFixed(1)} s`
      : `reusing the stories and status changes in ${file}`,
  );
  console.log(`database: ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB`);
  const { token, product } = await makeToken();
  const startServer = () =>
    startProcess(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"],
      env,
    );
  let server = startServer();
  const base = `http://127.0.0.1:${PORT}`;
  const up = () =>
    waitFor("the web server", async () => (await fetch(`${base}/api/health`)).status > 0, 60_000);
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await up();
    const renderBody = (tz: string) =>
      new URLSearchParams([
        ["target", `@tapd#stories#cfd/product=${product},tz=${tz}`],
        ["from", String(from)],
        ["until", String(until)],
        ["format", "json"],
        ["maxDataPoints", "1220"],
      ]).toString();
    const queryBody = (tz: string) =>
      JSON.stringify({
        range: { from: new Date(CFD_YEAR.from).toISOString(), to: new Date(CFD_YEAR.to).toISOString() },
        intervalMs: DAY * 1000,
        maxDataPoints: 1220,
        timezone: "utc",
        targets: [{ refId: "A", target: "tapd.stories.cfd", payload: { product, tz } }],
      });
    const render = async (tz = "+00:00"): Promise<Cfd> => {
      const records = (await post(`${base}/api/v1/grafana/render`, token, renderBody(tz), FORM)) as {
        counter: string;
        Values: { value: number }[];
      }[];
      return new Map(
        records.map((r) => [/status=([^,]*)/.exec(r.counter)![1]!, r.Values.map((v) => v.value)]),
      );
    };
    const query = async (tz = "+00:00"): Promise<Cfd> => {
      const frames = (await post(`${base}/api/v1/grafana/json/query`, token, queryBody(tz), JSON_TYPE)) as {
        name: string;
        fields: { values: number[] }[];
      }[];
      return new Map(frames.map((f) => [f.name, f.fields[1]!.values]));
    };

    const plain = plainSql(conn);
    const days = daysOf(0).count;
    if ([...plain.values()][0]?.length !== days) throw new Error("the plain SQL CFD has not one value a day");
    // the first requests of a freshly started server (its connection, statements and caches are new)
    const t: Record<string, number[]> = { renderFirst: [], queryFirst: [] };
    for (let i = 0; i < RESTARTS; i++) {
      if (i > 0) {
        await server.stop("SIGTERM");
        server = startServer();
        await up();
      }
      const [ms, answer] = await timed(() => (i % 2 ? query() : render()));
      sameCfd(i % 2 ? "/query" : "/render", answer, plain);
      t[i % 2 ? "queryFirst" : "renderFirst"]!.push(ms);
    }
    sameCfd("/render", await render(), plain);
    sameCfd("/query", await query(), plain);
    const plainOffHour = plainSql(conn, OFF_HOUR.offset);
    sameCfd(`/render ${OFF_HOUR.tz}`, await render(OFF_HOUR.tz), plainOffHour);
    sameCfd(`/query ${OFF_HOUR.tz}`, await query(OFF_HOUR.tz), plainOffHour);
    for (let i = 0; i < WARMUP; i++) {
      await render();
      await query();
      plainSql(conn);
    }
    const statements = await taoStatements();
    statements();
    // What a sync writes: a new status change of a story today (a no-op developing → developing,
    // so the CFD stays the same), counted into the hourly flows by the database's triggers.
    const writer = new Database(file);
    const someStory = (
      conn
        .prepare(`SELECT id FROM TapdStory WHERE workspaceId = ? AND status = 'developing' LIMIT 1`)
        .get(CFD_WORKSPACE) as { id: string }
    ).id;
    const insert = writer.prepare(
      `INSERT INTO TapdChange (id, field, entityType, entityId, workspaceId, "before", "after", author, changedAt)
       VALUES (?, 'status', 'story', ?, ?, 'developing', 'developing', 'bench', ?)`,
    );
    let synced = 0;
    const sync = () =>
      insert.run(
        `${SYNC_ID}${synced++}`,
        someStory,
        CFD_WORKSPACE,
        new Date().toISOString().replace("Z", "+00:00"),
      );
    Object.assign(t, {
      sql: [],
      tao: [],
      render: [],
      renderSync: [],
      renderOffHour: [],
      query: [],
      querySync: [],
      queryOffHour: [],
    });
    const load0 = os.loadavg()[0]!;
    for (let i = 0; i < ROUNDS; i++) {
      t.sql!.push((await timed(() => plainSql(conn)))[0]);
      t.tao!.push((await timed(() => statements()))[0]);
      t.render!.push((await timed(() => render()))[0]);
      t.query!.push((await timed(() => query()))[0]);
      sync();
      t.renderSync!.push((await timed(() => render()))[0]);
      sync();
      t.querySync!.push((await timed(() => query()))[0]);
      t.renderOffHour!.push((await timed(() => render(OFF_HOUR.tz)))[0]);
      t.queryOffHour!.push((await timed(() => query(OFF_HOUR.tz)))[0]);
    }
    writer.prepare(`DELETE FROM TapdChange WHERE id LIKE '${SYNC_ID}%'`).run();
    writer.close();
    sameCfd("/render after the rounds", await render(), plain);
    const p = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) });
    const sql = p(t.sql!);
    const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;
    const line = (name: string, xs: number[], ratios: boolean) => {
      const r = p(xs);
      const vs = ratios
        ? `  ÷ plain SQL: p50 ${(r.p50 / sql.p50).toFixed(2)}× p95 ${(r.p95 / sql.p95).toFixed(2)}×`
        : "";
      console.log(`  ${name.padEnd(46)} p50 ${ms(r.p50)}  p95 ${ms(r.p95)}${vs}  (n=${xs.length})`);
    };
    console.log(
      `grafana-cfd: CFD of ${plain.size} statuses × ${days} days over 100,000 stories / 1,000,000 changes, ${ROUNDS} rounds (interleaved)`,
    );
    line("plain SQL (better-sqlite3, same file)", t.sql!, false);
    line("tao's statements alone (UTC days)", t.tao!, true);
    for (const name of ["render", "query"] as const) {
      line(`/${name} via next start, UTC days`, t[name]!, true);
      line(`/${name} via next start, after a sync`, t[`${name}Sync`]!, true);
      line(`/${name} via next start, ${OFF_HOUR.tz} days`, t[`${name}OffHour`]!, true);
      line(`/${name}, first request after the server starts`, t[`${name}First`]!, true);
    }
    const flows = conn.prepare(`SELECT count(*) FROM TapdStoryFlow WHERE scope = '*'`).pluck().get();
    console.log(
      `hourly flow rows read for the year: ${flows}; targets: p95 < 300 ms and ≤ 2× the plain SQL; ${os.cpus().length} CPUs, load average ${load0.toFixed(2)} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end`,
    );
  } catch (err) {
    console.error(`server output (last 2000 characters):\n${server.output().slice(-2000)}`);
    throw err;
  } finally {
    conn.close();
    await server.stop("SIGTERM");
  }
}

const FORM = "application/x-www-form-urlencoded";
/** Ids of the status changes the benchmark writes as a sync would (removed at the start and the end). */
const SYNC_ID = "bench-sync-";
const JSON_TYPE = "application/json";

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
