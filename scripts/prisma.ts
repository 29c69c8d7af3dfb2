// Runs Prisma's CLI with DATABASE_URL resolved the way the app resolves it (lib/config).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { databaseUrl, dataDir } from "@/lib/config/database-url";

process.env.DATABASE_URL = databaseUrl();
fs.mkdirSync(dataDir(), { recursive: true });
const result = spawnSync("npx", ["prisma", ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
process.exit(result.status ?? 1);
