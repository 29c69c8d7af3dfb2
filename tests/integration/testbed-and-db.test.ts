import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { remoteCommand } from "@/lib/deploy/remote-command";
import { onHost, tb, uid } from "./helpers";

describe("migrations", () => {
  it("apply on an empty database and leave every model's table", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tao-migrate-"));
    const file = path.join(dir, "empty.db");
    execFileSync("npx", ["tsx", "scripts/migrate.ts"], {
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: "pipe",
    });
    const sqlite = new Database(file, { readonly: true });
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    const applied = sqlite
      .prepare("SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL")
      .get() as { n: number };
    const journal = sqlite.pragma("journal_mode", { simple: true });
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
    const names = tables.map((t) => t.name);
    for (const model of [
      "User",
      "Session",
      "ApiToken",
      "AuditLog",
      "Product",
      "Component",
      "Build",
      "Release",
      "ReleaseItem",
      "FeatureBranch",
      "Registry",
      "Environment",
      "Host",
      "Task",
      "TaskLogLine",
      "InventoryItem",
    ]) {
      expect(names).toContain(model);
    }
    expect(applied.n).toBe(fs.readdirSync("prisma/migrations").filter((d) => /^\d+_/.test(d)).length);
    expect(journal).toBe("wal");
  });

  it("cover every change in prisma/schema.prisma (no change without its migration)", () => {
    const folders = fs
      .readdirSync("prisma/migrations")
      .filter((d) => /^\d+_/.test(d))
      .sort();
    const snapshot = path.join("prisma/migrations", folders.at(-1)!, "schema.prisma");
    const sql = execFileSync(
      "npx",
      [
        "prisma",
        "migrate",
        "diff",
        "--from-schema-datamodel",
        snapshot,
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { env: process.env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(
      sql.split("\n").filter((l) => l.trim() && !l.startsWith("--")),
      "run: npm run db:new-migration -- NAME",
    ).toEqual([]);
  });
});

describe("the testbed", () => {
  const image = `${tb.registry.host}/demo/component-d:v1.0.0`;

  it("lets a host log into the registry with the right password and refuses a wrong one", async () => {
    await onHost(0, async (conn) => {
      const login = (password: string) =>
        conn.exec(
          remoteCommand("podman", {
            op: "login",
            registry: tb.registry.host,
            username: tb.registry.username,
          }),
          { stdin: `${password}\n` },
        );
      const bad = await login(`wrong-${uid()}`);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/unauthorized|invalid username\/password/i);
      const good = await login(tb.registry.password);
      expect(good.code, good.stderr).toBe(0);
    });
  });

  it("pulls, runs and removes a container on a host over SSH", async () => {
    const name = `tb-check-${uid()}`;
    await onHost(0, async (conn) => {
      expect((await conn.exec(remoteCommand("podman", { op: "pull", image }))).code).toBe(0);
      const run = await conn.exec(
        remoteCommand("podman", {
          op: "run",
          name,
          image,
          options: {
            env: { PORT: "18999" },
            volumes: [],
            ports: [],
            memory: "64m",
            network: "host",
            restart: "no",
            logOptions: {},
            extraArgs: [],
            command: [],
          },
        }),
      );
      expect(run.code, run.stderr).toBe(0);
      const inspect = await conn.exec(remoteCommand("podman", { op: "inspect", name }));
      expect(JSON.parse(inspect.stdout)[0].State.Running).toBe(true);
      expect((await conn.exec(remoteCommand("podman", { op: "rm", names: [name] }))).code).toBe(0);
      expect((await conn.exec(remoteCommand("podman", { op: "inspect", name }))).code).not.toBe(0);
    });
  });
});
