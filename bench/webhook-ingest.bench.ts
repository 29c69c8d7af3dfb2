// Benchmark (issue 5): GitLab webhook ingestion on loopback against the real production server
// (`next start` on its own port, own database) and worker: 20 concurrent senders for 30 s, a mix of
// the protocol samples, 10 % of sends repeating an earlier delivery (same Idempotency-Key).
// Prints events/s, p50/p99 latency, stored vs sent, and that duplicates were handled once.
// Targets: ≥ 500 events/s, p99 < 100 ms. Needs `npx next build` first.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startWebProcess, startWorkerProcess, waitFor } from "@/scripts/lib/processes";

const SENDERS = Number(process.env.BENCH_SENDERS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3130);
const DUPLICATE_SHARE = 0.1;
const SAMPLES: [string, string][] = [
  ["01_push_commits.json", "Push Hook"],
  ["02_push_branch_create.json", "Push Hook"],
  ["04_tag_push_create.json", "Tag Push Hook"],
  ["06_merge_request_open.json", "Merge Request Hook"],
  ["09_pipeline_success_branch.json", "Pipeline Hook"],
];
const samplesDir = path.resolve(process.env.TAO_GITLAB_SAMPLES ?? "tests/fixtures/protocols/gitlab");

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** A distinct delivery: the sample with its ref (and so its effect) made unique. */
function variant(n: number): { body: string; event: string } {
  const [file, event] = SAMPLES[n % SAMPLES.length]!;
  const json = JSON.parse(fs.readFileSync(path.join(samplesDir, file), "utf8")) as Record<string, unknown>;
  const attrs = json.object_attributes as Record<string, unknown> | undefined;
  if (typeof json.ref === "string") json.ref = json.ref.replace(/[^/]+$/, (last) => `${last}-${n}`);
  if (attrs && "iid" in attrs) attrs.iid = n;
  if (attrs && "id" in attrs) attrs.id = n;
  return { body: JSON.stringify(json), event };
}

/** CPU time (ms) used so far by every process of a process group (Linux /proc; clock ticks of 10 ms). */
function groupCpuMs(pgid: number | undefined): number {
  if (!pgid) return 0;
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10;
}

/** Web + worker on a fresh database; stop() ends both process groups (npx does not pass SIGTERM on). */
async function startStack(port: number) {
  const busy = await new Promise<boolean>((resolve) => {
    const probe = net.connect(port, "127.0.0.1", () => {
      probe.destroy();
      resolve(true);
    });
    probe.on("error", () => resolve(false));
  });
  if (busy) throw new Error(`port ${port} is in use: stop what runs there or set BENCH_PORT`);
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("build the web app first: npx next build");
  const dir = path.resolve(".data/bench/webhook-ingest");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const env = {
    DATABASE_URL: `file:${dir}/tao.db`,
    TAO_DATA_DIR: dir,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/10",
    TAO_SECRET_KEY: "3".repeat(64),
  };
  Object.assign(process.env, env);
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], { env: process.env, stdio: "ignore" });
  const { redis } = await import("@/lib/redis");
  await redis().flushdb();
  const procs = [startWebProcess(port, env), startWorkerProcess(env)];
  const base = `http://127.0.0.1:${port}`;
  await waitFor("the web server", async () => (await fetch(`${base}/api/health`)).ok, 120_000);
  return {
    base,
    cpu: () => ({ web: groupCpuMs(procs[0]!.child.pid), worker: groupCpuMs(procs[1]!.child.pid) }),
    stop: () => Promise.all(procs.map((p) => p.stop("SIGKILL"))),
  };
}

async function main() {
  const stack = await startStack(PORT);
  const { createIntegration } = await import("@/lib/gitlab/integrations");
  const { createProduct } = await import("@/lib/catalog/products");
  const { createComponent } = await import("@/lib/catalog/components");
  const { db } = await import("@/lib/db");
  const system = { system: "bench" };
  const secret = "bench-webhook-secret-0123456789";
  await createIntegration(system, { name: "bench", baseUrl: "http://gitlab.bench", webhookSecret: secret });
  const product = await createProduct(system, { name: "bench" });
  for (const p of ["mike/diaspora", "jsmith/example", "gitlabhq/gitlab-test", "gitlab-org/gitlab-test"]) {
    await createComponent(system, {
      productId: product.id,
      name: p.replace("/", "-"),
      image: `registry.bench/${p}`,
      gitlabPath: p,
    });
  }

  const url = `${stack.base}/api/v1/gitlab/webhook`;
  const send = async (key: string, v: { body: string; event: string }) => {
    const started = performance.now();
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-gitlab-token": secret,
        "x-gitlab-event": v.event,
        "idempotency-key": key,
      },
      body: v.body,
    });
    const answer = (await res.json()) as { status?: string };
    return { ms: performance.now() - started, status: res.status, kind: answer.status ?? "" };
  };

  // warm-up: JIT, connection pool, the secret cache
  for (let i = 0; i < 50; i++) await send(`warm-${i}`, variant(i));

  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  const sentKeys: { key: string; v: { body: string; event: string } }[] = [];
  let unique = 0;
  let duplicates = 0;
  const load = os.loadavg()[0]!;
  const cpuBefore = { ...stack.cpu(), client: process.cpuUsage() };
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, sender) => {
      let i = 0;
      while (performance.now() < deadline) {
        let key: string;
        let v: { body: string; event: string };
        if (sentKeys.length > 0 && Math.random() < DUPLICATE_SHARE) {
          ({ key, v } = sentKeys[Math.floor(Math.random() * sentKeys.length)]!);
          duplicates++;
        } else {
          key = `bench-${sender}-${i++}`;
          v = variant(unique++);
          sentKeys.push({ key, v });
        }
        const r = await send(key, v);
        latencies.push(r.ms);
        const label = `${r.status} ${r.kind}`;
        statuses.set(label, (statuses.get(label) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = stack.cpu();
  const clientMs = process.cpuUsage(cpuBefore.client);
  const perEvent = (ms: number) => ms / latencies.length;
  const webMs = perEvent(cpuAfter.web - cpuBefore.web);
  const workerMs = perEvent(cpuAfter.worker - cpuBefore.worker);
  const senderMs = perEvent((clientMs.user + clientMs.system) / 1000);
  const sorted = [...latencies].sort((a, b) => a - b);

  // the worker drains the queue; every unique delivery must end handled exactly once
  const drainStart = performance.now();
  const where = { dedupeKey: { startsWith: "idem:bench-" } };
  let done = 0;
  for (;;) {
    done = await db.gitlabEvent.count({
      where: { ...where, status: { in: ["handled", "ignored", "failed"] } },
    });
    if (done >= unique || performance.now() - drainStart > 300_000) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const drained = (performance.now() - drainStart) / 1000;
  const stored = await db.gitlabEvent.count({ where });
  const dupAgg = await db.gitlabEvent.aggregate({
    where,
    _sum: { duplicates: true },
    _max: { attempts: true },
  });
  const failed = await db.gitlabEvent.count({ where: { ...where, status: "failed" } });

  // Baseline in the same run: the same senders against the simplest route tao has (GET /api/health:
  // one SQLite and one Redis read), i.e. what this Next.js server does per request before any webhook work.
  const health: number[] = [];
  const healthCpu = stack.cpu().web;
  const healthStart = performance.now();
  const healthEnd = healthStart + 5_000;
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      while (performance.now() < healthEnd) {
        const t0 = performance.now();
        await (await fetch(`${stack.base}/api/health`)).arrayBuffer();
        health.push(performance.now() - t0);
      }
    }),
  );
  const healthSecs = (performance.now() - healthStart) / 1000;
  const healthWebMs = (stack.cpu().web - healthCpu) / health.length;
  const healthSorted = [...health].sort((a, b) => a - b);

  // For comparison, tao's own work per event without HTTP and Next.js: the same route handler
  // called in this process by as many concurrent callers for 5 s (same database and Redis).
  const { POST } = await import("@/app/api/v1/gitlab/webhook/route");
  const direct: number[] = [];
  const directEnd = performance.now() + 5_000;
  await Promise.all(
    Array.from({ length: SENDERS }, async (_, sender) => {
      for (let i = 0; performance.now() < directEnd; i++) {
        const v = variant(1_000_000 + sender * 100_000 + i);
        const t0 = performance.now();
        const res = await POST(
          new Request(url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-gitlab-token": secret,
              "x-gitlab-event": v.event,
              "idempotency-key": `direct-${sender}-${i}`,
            },
            body: v.body,
          }),
          { params: Promise.resolve({}) },
        );
        await res.arrayBuffer();
        direct.push(performance.now() - t0);
      }
    }),
  );
  const directSorted = [...direct].sort((a, b) => a - b);
  await stack.stop();

  const total = latencies.length;
  console.log(
    `webhook-ingest: ${SENDERS} concurrent senders, ${elapsed.toFixed(1)} s, loopback, next start + worker`,
  );
  console.log(
    `  machine: ${os.cpus().length} CPUs, load average at start ${load.toFixed(2)} (shared with other work)`,
  );
  console.log(`  requests          ${total}  →  ${(total / elapsed).toFixed(0)} events/s (target ≥ 500)`);
  console.log(
    `  latency           p50 ${pct(sorted, 0.5).toFixed(1)} ms   p99 ${pct(sorted, 0.99).toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms (target p99 < 100 ms)`,
  );
  console.log(`  answers           ${[...statuses].map(([k, n]) => `${k}: ${n}`).join(", ")}`);
  console.log(
    `  stored            ${stored} of ${unique} distinct deliveries sent ${stored === unique ? "(all stored once)" : "(MISMATCH)"}`,
  );
  console.log(
    `  duplicates        ${duplicates} sent, ${dupAgg._sum.duplicates ?? 0} counted on their events, none stored again`,
  );
  console.log(
    `  handled           ${done} of ${unique} in ${drained.toFixed(1)} s after the load; max attempts per event ${dupAgg._max.attempts ?? 0} (1 = handled once); failed ${failed}`,
  );
  console.log(
    `  CPU per event     web ${webMs.toFixed(1)} ms, worker ${workerMs.toFixed(1)} ms, senders ${senderMs.toFixed(1)} ms → ${os.cpus().length} idle cores would bound the web server at ≈ ${((os.cpus().length * 1000) / webMs).toFixed(0)} events/s`,
  );
  console.log(
    `  baseline          GET /api/health, same senders: ${(health.length / healthSecs).toFixed(0)} req/s, p50 ${pct(healthSorted, 0.5).toFixed(1)} ms, p99 ${pct(healthSorted, 0.99).toFixed(1)} ms, web CPU ${healthWebMs.toFixed(1)} ms/req → webhook/baseline: rate ${(total / elapsed / (health.length / healthSecs)).toFixed(2)}, CPU ${(webMs / healthWebMs).toFixed(2)}`,
  );
  console.log(
    `  in-process        ${(direct.length / 5).toFixed(0)} events/s, p50 ${pct(directSorted, 0.5).toFixed(1)} ms, p99 ${pct(directSorted, 0.99).toFixed(1)} ms (the route handler called directly: no HTTP, no Next.js)`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
