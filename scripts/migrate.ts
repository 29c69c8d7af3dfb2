// Applies committed migrations to the database (creating the file if needed) and turns on WAL,
// so the web app and the worker can read while the other writes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl, dataDir } from "@/lib/config/database-url";

const url = databaseUrl();
process.env.DATABASE_URL = url;
fs.mkdirSync(dataDir(), { recursive: true });
const file = url.replace(/^file:/, "");
fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
const sqlite = new Database(file);
sqlite.pragma("journal_mode = WAL");
sqlite.close();
const result = spawnSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit", env: process.env });
process.exit(result.status ?? 1);
