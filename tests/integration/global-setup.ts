import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, type Proc, startRedis, waitFor } from "@/scripts/lib/processes";

// Every integration run gets its own database file and its own redis-server, so runs never share
// state with each other, with the demo, or with anything else on the machine. Test workers and the
// processes they spawn inherit DATABASE_URL / REDIS_URL from here.
let redis: Proc | undefined;
let dir = "";

export default async function setup(_project: TestProject) {
  dir = path.resolve(__dirname, `../../.data/test/run-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  process.env.DATABASE_URL = `file:${dir}/integration.db`;
  process.env.TAO_DATA_DIR = dir;
  if (process.env.TAO_TEST_REDIS_URL) {
    process.env.REDIS_URL = process.env.TAO_TEST_REDIS_URL;
  } else {
    const port = await freePort();
    redis = startRedis(port);
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    const { Redis } = await import("ioredis");
    const client = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await waitFor("redis-server", async () => (await client.ping().catch(() => "")) === "PONG", 10_000);
    client.disconnect();
  }
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], { stdio: "pipe", env: process.env });

  return async () => {
    await redis?.stop("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
