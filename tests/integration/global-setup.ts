import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";

// A fresh database for every integration run, migrated with the committed migrations, and an empty
// Redis database (the integration tests own theirs: REDIS_URL's db 14 unless TAO_TEST_REDIS_URL says).
export default async function setup() {
  const redis = new Redis(process.env.TAO_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/14");
  await redis.flushdb();
  redis.disconnect();
  const dir = path.resolve(__dirname, "../../.data/test");
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (f.startsWith("integration.db")) fs.rmSync(path.join(dir, f));
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], {
    stdio: "pipe",
    env: { ...process.env, DATABASE_URL: `file:${dir}/integration.db`, TAO_DATA_DIR: dir },
  });
}
