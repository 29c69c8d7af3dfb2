// Benchmark (issue 6): export 1 000 000 TAPD bugs as NDJSON through the API of a real `next start`
// server (own port, own database filled by a generator): rows/s and the server's peak RSS, against
// `sqlite3 -json` on the same table in the same run as the floor. Targets: ≥ 200 000 rows/s, < 256 MB.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { startProcess, waitFor } from "@/scripts/lib/processes";

const PORT = Number(process.env.BENCH_PORT ?? 3140);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const dir = path.resolve(".data/bench/ndjson-export");
const file = path.join(dir, "tao.db");
const env = {
  DATABASE_URL: `file:${file}`,
  TAO_DATA_DIR: dir,
  REDIS_URL: process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/10",
  TAO_SECRET_KEY: "3".repeat(64),
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
};
const FIELDS = {
  typical: "id,workspace_id,status,severity,priority,iteration_id,created,modified,resolved,closed",
  all: null, // every whitelisted field, the three joined ones included
};
const SQL_COLUMNS: Record<keyof typeof FIELDS, string> = {
  typical: `id, workspaceId, status, severity, priority, iterationId, created, modified, resolved, closed`,
  all: `b.*, s.label AS status_label, i.name AS iteration_name, r.version AS release_version FROM TapdBug b
        LEFT JOIN TapdStatus s ON s.workspaceId = b.workspaceId AND s.system = 'bug' AND s.key = b.status
        LEFT JOIN TapdIteration i ON i.id = b.iterationId LEFT JOIN Release r ON r.id = i.releaseId`,
};

/** The generator: 1 M bugs over 3 workspaces and 40 iterations, written straight into SQLite. */
function generate() {
  const conn = new Database(file);
  const have = (conn.prepare(`SELECT count(*) AS n FROM "TapdBug"`).get() as { n: number }).n;
  if (have === ROWS) {
    conn.close();
    return false;
  }
  conn.exec(
    `DELETE FROM "TapdBug"; DELETE FROM "TapdIteration"; DELETE FROM "TapdStatus"; DELETE FROM "Release"; DELETE FROM "Product"`,
  );
  const workspaces = ["46949574", "46949575", "20004321"];
  const statuses = ["new", "in_progress", "resolved", "verified", "reopened", "rejected", "closed"];
  const labels = ["新", "接受/处理", "已解决", "已验证", "重新打开", "已拒绝", "已关闭"];
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  conn.exec(
    `INSERT INTO "Product" (id, name, updatedAt) VALUES ('bench-product', '监控系统', '${iso(Date.now())}')`,
  );
  const status = conn.prepare(`INSERT INTO "TapdStatus" VALUES (?, 'bug', ?, ?)`);
  const release = conn.prepare(
    `INSERT INTO "Release" (id, productId, version, updatedAt) VALUES (?, 'bench-product', ?, ?)`,
  );
  const iteration = conn.prepare(
    `INSERT INTO "TapdIteration" (id, workspaceId, name, status, releaseId, syncedAt) VALUES (?, ?, ?, 'done', ?, ?)`,
  );
  const bug =
    conn.prepare(`INSERT INTO "TapdBug" (id, workspaceId, title, status, severity, priority, versionReport,
    iterationId, storyId, module, reporter, currentOwner, fixer, resolution, bugType, created, modified, resolved, closed, syncedAt)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const t0 = Date.UTC(2019, 0, 1);
  conn.transaction(() => {
    for (const ws of workspaces) statuses.forEach((s, i) => void status.run(ws, s, labels[i]));
    for (let i = 0; i < 40; i++) {
      const ws = workspaces[i % 3]!;
      release.run(`bench-release-${i}`, `v1.${i}.0`, iso(Date.now()));
      iteration.run(
        `11${ws}${String(1_001_000 + i).padStart(9, "0")}`,
        ws,
        `v1.${i}.0`,
        `bench-release-${i}`,
        iso(Date.now()),
      );
    }
    for (let i = 0; i < ROWS; i++) {
      const ws = workspaces[i % 3]!;
      const created = t0 + i * 60_000;
      const s = statuses[i % 7]!;
      const done = s === "closed" || s === "resolved" || s === "verified";
      bug.run(
        `11${ws}${String(1_003_000 + i).padStart(9, "0")}`,
        ws,
        `【监控】告警规则 ${i} 保存后页面没有刷新 "quoted" \\ backslash`,
        s,
        ["fatal", "serious", "normal", "prompt", "advice"][i % 5],
        ["urgent", "high", "medium", "low"][i % 4],
        `v1.${i % 40}.0`,
        `11${ws}${String(1_001_000 + (i % 13) * 3 + (i % 3)).padStart(9, "0")}`,
        "告警",
        "tester-a",
        done ? "" : "dev-b;",
        "dev-b",
        done ? "fixed" : "",
        "功能缺陷",
        iso(created),
        iso(created + 86_400_000),
        done ? iso(created + 43_200_000) : null,
        s === "closed" ? iso(created + 86_400_000) : null,
        iso(Date.now()),
      );
    }
  })();
  conn.exec("ANALYZE");
  conn.close();
  return true;
}

async function makeToken(): Promise<string> {
  Object.assign(process.env, env);
  // lib/ is imported only now, so its Prisma client opens the benchmark's database.
  const { createUser } = await import("@/lib/users/users");
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const { db } = await import("@/lib/db");
  const username = `bench-${Date.now()}`;
  const user = await createUser(
    { system: "bench" },
    { username, role: "viewer", password: "bench-password" },
  );
  const { token } = await createApiToken(user.id, { name: "bench", scopes: ["read"], expiresInDays: 1 });
  await db.$disconnect();
  return token;
}

/** The server's process tree (npx → next → next-server): peak of the summed RSS, sampled every 50 ms. */
function rssSampler(rootPid: number) {
  const tree = () => {
    const kids = new Map<number, number[]>();
    for (const p of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        kids.set(ppid, [...(kids.get(ppid) ?? []), Number(p)]);
      } catch {
        // gone
      }
    }
    const out: number[] = [];
    const walk = (pid: number) => {
      out.push(pid);
      for (const k of kids.get(pid) ?? []) walk(k);
    };
    walk(rootPid);
    return out;
  };
  const kb = (pid: number, key: string) => {
    try {
      const m = new RegExp(`${key}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  };
  let pids = tree();
  let peak = 0;
  const sample = () => {
    // the biggest process is the server itself; npx and the next CLI wrapper are small and constant
    peak = Math.max(peak, Math.max(...pids.map((p) => kb(p, "VmRSS"))));
  };
  const timer = setInterval(sample, 50);
  return {
    refresh: () => {
      pids = tree();
    },
    reset: () => {
      sample();
      peak = 0;
      sample();
    },
    now: () => Math.max(...pids.map((p) => kb(p, "VmRSS"))),
    /** CPU seconds (user + system) the server's processes have used so far. */
    cpu: () => pids.reduce((sum, p) => sum + cpuSeconds(p, false), 0),
    peak: () => peak,
    hwm: () => Math.max(...pids.map((p) => kb(p, "VmHWM"))),
    stop: () => clearInterval(timer),
  };
}

/** utime + stime of a process (or, with `children`, of its waited-for children), in seconds. */
function cpuSeconds(pid: number, children: boolean): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [a, b] = children ? [f[13], f[14]] : [f[11], f[12]]; // fields 16–17 / 14–15
    return (Number(a) + Number(b)) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

async function viaApi(base: string, token: string, fields: string | null) {
  const url = `${base}/api/v1/tapd/bugs${fields ? `?fields=${fields}` : ""}`;
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  const reader = res.body!.getReader();
  let lines = 0;
  let bytes = 0;
  let head = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (head.length < 4096) head += Buffer.from(value.subarray(0, 4096)).toString("utf8");
    for (let i = value.indexOf(10); i >= 0; i = value.indexOf(10, i + 1)) lines++;
  }
  const ms = performance.now() - started;
  const first = JSON.parse(head.slice(0, head.indexOf("\n")));
  if (fields && Object.keys(first).join(",") !== fields)
    throw new Error(`unexpected fields: ${Object.keys(first)}`);
  return { lines, bytes, ms };
}

async function viaSqlite3(columns: string) {
  const sql = columns.includes(" FROM ") ? `SELECT ${columns}` : `SELECT ${columns} FROM TapdBug`;
  const started = performance.now();
  // Through sh, which prints sqlite3's CPU time (its children's) on stderr once sqlite3 has exited.
  const script = `sqlite3 -readonly -json "$0" "$1" || exit 1; read -r s < /proc/$$/stat; echo "$s" >&2`;
  const child = spawn("sh", ["-c", script, file, sql], { stdio: ["ignore", "pipe", "pipe"] });
  let bytes = 0;
  let err = "";
  child.stdout.on("data", (d: Buffer) => {
    bytes += d.length;
  });
  child.stderr.on("data", (d: Buffer) => {
    err += d;
  });
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  if (code !== 0) throw new Error(`sqlite3 exited ${code}: ${err}`);
  const f = err.slice(err.lastIndexOf(")") + 2).split(" ");
  return { ms: performance.now() - started, bytes, cpu: (Number(f[13]) + Number(f[14])) / 100 };
}

const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en")} rows/s`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function main() {
  if (!fs.existsSync(".next/server/app/api/v1/tapd/bugs/route.js"))
    throw new Error("the build has no /api/v1/tapd/bugs: run `npx next build` first");
  fs.mkdirSync(dir, { recursive: true });
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], { env: { ...process.env, ...env }, stdio: "ignore" });
  const g0 = performance.now();
  const generated = generate();
  console.log(
    generated
      ? `generated ${ROWS.toLocaleString("en")} bugs in ${((performance.now() - g0) / 1000).toFixed(1)} s`
      : `reusing ${ROWS.toLocaleString("en")} bugs in ${file}`,
  );
  console.log(`database: ${mb(fs.statSync(file).size / 1024)}`);
  const token = await makeToken();

  const server = startProcess(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"],
    env,
  );
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitFor("the web server", async () => (await fetch(`${base}/api/health`)).status > 0, 60_000);
    const rss = rssSampler(server.child.pid!);
    // warm up: compile the route, open the file once
    await viaApi(base, token, "id");
    rss.refresh();
    const idle = rss.now();
    console.log(`server RSS after warm-up: ${mb(idle)}`);
    const results: string[] = [];
    for (const [name, fields] of Object.entries(FIELDS) as [keyof typeof FIELDS, string | null][]) {
      const floor = await viaSqlite3(SQL_COLUMNS[name]);
      rss.reset();
      const cpu0 = rss.cpu();
      const api = await viaApi(base, token, fields);
      const cpu = rss.cpu() - cpu0;
      if (api.lines !== ROWS) throw new Error(`expected ${ROWS} lines, got ${api.lines}`);
      const peak = rss.peak();
      results.push(
        `${name.padEnd(8)} fields=${fields ?? "(all 22)"}`,
        `  API    : ${rate(api.lines, api.ms).padStart(18)}  ${(api.ms / 1000).toFixed(2)} s  ${mb(api.bytes / 1024)} NDJSON  peak server RSS ${mb(peak)}  server CPU ${cpu.toFixed(1)} s = ${rate(ROWS, cpu * 1000)} per CPU-second`,
        `  sqlite3: ${rate(ROWS, floor.ms).padStart(18)}  ${(floor.ms / 1000).toFixed(2)} s  ${mb(floor.bytes / 1024)} JSON (sqlite3 -json, the floor)  CPU ${floor.cpu.toFixed(1)} s = ${rate(ROWS, floor.cpu * 1000)} per CPU-second`,
      );
    }
    console.log(results.join("\n"));
    console.log(`server peak RSS over the whole run (VmHWM): ${mb(rss.hwm())}`);
    console.log(
      `targets: ≥ 200,000 rows/s, peak RSS < 256 MB; ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
    );
    rss.stop();
  } finally {
    await server.stop("SIGTERM");
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
