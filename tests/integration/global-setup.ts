import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// A fresh database for every integration run, migrated with the committed migrations.
export default function setup() {
  const dir = path.resolve(__dirname, "../../.data/test");
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (f.startsWith("integration.db")) fs.rmSync(path.join(dir, f));
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], {
    stdio: "pipe",
    env: { ...process.env, DATABASE_URL: `file:${dir}/integration.db`, TAO_DATA_DIR: dir },
  });
}
