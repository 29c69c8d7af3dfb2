import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type Proc, startWebProcess, startWorkerProcess, waitFor } from "@/scripts/lib/processes";

// A whole tao (fresh database, web server, worker) for benchmarks that go through the API.
export async function startStack(name: string, port: number) {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("build the web app first: npx next build");
  const dir = path.resolve(".data/bench", name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const env = {
    DATABASE_URL: `file:${dir}/tao.db`,
    TAO_DATA_DIR: dir,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/12",
    TAO_SECRET_KEY: "3".repeat(64),
  };
  Object.assign(process.env, env);
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], { env: { ...process.env, ...env }, stdio: "ignore" });
  const { redis } = await import("@/lib/redis");
  await redis().flushdb();
  const procs: Proc[] = [startWebProcess(port, env), startWorkerProcess(env)];
  const base = `http://127.0.0.1:${port}`;
  await waitFor("the web server", async () => (await fetch(`${base}/api/health`)).ok, 60_000);
  return {
    base,
    stop: async () => {
      await Promise.all(procs.map((p) => p.stop("SIGTERM")));
    },
  };
}
