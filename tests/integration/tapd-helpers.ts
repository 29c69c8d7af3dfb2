import { randomBytes } from "node:crypto";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Principal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { TTokenScope } from "@/lib/domain/enums";
import { runTapdSync, type SyncRequest } from "@/lib/tapd/run-sync";
import { saveTapdSettings } from "@/lib/tapd/settings";
import { createUser } from "@/lib/users/users";
import {
  chinaTime,
  type FakeTapd,
  sampleBug,
  sampleIteration,
  sampleStory,
  sampleWorkspace,
  tapdId,
} from "../fakes/tapd-server";

// TAPD test data without the testbed: users and tokens, the settings pointing at a fake TAPD, and
// workspaces filled with rows in TAPD's shape. Workspace ids are unique per call (8 digits, so the
// item ids have 19 digits: beyond 2^53).

export const system = { system: "test" };
export const uid = () => randomBytes(4).toString("hex");
/** An 8-digit workspace id, so its items' long ids have 19 digits. */
export const newWorkspaceId = () => String(40_000_000 + (randomBytes(4).readUInt32BE() % 50_000_000));

export async function makeTapdUser(role: "viewer" | "deployer" | "admin", scopes: TTokenScope[] = ["read"]) {
  const username = `${role}-${uid()}`;
  const user = await createUser(system, { username, role, password: "password-123" });
  const { token } = await createApiToken(user.id, { name: "test", scopes, expiresInDays: 1 });
  const principal: Principal = { userId: user.id, username, role };
  return { ...principal, token };
}

/** Points tao at the fake and limits the sync to the given workspaces. */
export async function configureTapd(fake: FakeTapd, workspaceIds: string[], enabled = false) {
  await saveTapdSettings(system, {
    enabled,
    baseUrl: fake.url,
    apiUser: fake.user,
    apiPassword: fake.password,
    companyId: "99",
    workspaceIds: workspaceIds.join(","),
    intervalMinutes: 10,
  });
}

/** Fast retries and a small deep-paging limit, so faults and slicing cost milliseconds. */
export const FAST: SyncRequest["client"] = { backoffMs: 5, maxBackoffMs: 50, timeoutMs: 5_000 };

export function syncNow(opts: Partial<SyncRequest> = {}) {
  return runTapdSync({ trigger: "manual", ...opts, client: { ...FAST, ...opts.client } });
}

// Short ids as TAPD numbers them (from 1000001), per kind, so tests can name them.
export const iterationId = (ws: string, i: number) => tapdId(ws, 1_001_000 + i);
export const storyId = (ws: string, i: number) => tapdId(ws, 1_002_000 + i);
export const bugId = (ws: string, i: number) => tapdId(ws, 1_003_000 + i);

export type SeedOptions = { stories?: number; bugs?: number; iterations?: number; start?: Date };

/** A workspace in the fake with iterations, stories and bugs created (and last modified) an hour apart. */
export function seedWorkspace(fake: FakeTapd, workspaceId: string, opts: SeedOptions = {}) {
  const start = opts.start ?? new Date("2024-03-01T02:00:00Z");
  const at = (i: number) => chinaTime(new Date(start.getTime() + i * 3_600_000));
  fake.data.workspaces.push(
    sampleWorkspace({ id: workspaceId, name: `项目 ${workspaceId}`, status: "normal" }),
  );
  const iterations = Array.from({ length: opts.iterations ?? 2 }, (_, i) =>
    sampleIteration({
      id: iterationId(workspaceId, i),
      workspace_id: workspaceId,
      name: `v1.${i}.0`,
      status: i === 0 ? "done" : "open",
      created: at(i),
      modified: at(i),
    }),
  );
  fake.data.iterations.push(...iterations);
  for (let i = 0; i < (opts.stories ?? 3); i++)
    fake.data.stories.push(
      sampleStory({
        id: storyId(workspaceId, i),
        workspace_id: workspaceId,
        name: `需求 ${i}`,
        status: i % 2 ? "developing" : "planning",
        iteration_id: iterations[i % iterations.length]?.id ?? "0",
        created: at(i),
        modified: at(i),
      }),
    );
  for (let i = 0; i < (opts.bugs ?? 5); i++)
    fake.data.bugs.push(
      sampleBug({
        id: bugId(workspaceId, i),
        workspace_id: workspaceId,
        title: `缺陷 ${i}`,
        status: "new",
        iteration_id: iterations[i % iterations.length]?.id ?? "0",
        created: at(i),
        modified: at(i),
        resolved: null,
        closed: null,
      }),
    );
  return { iterations };
}

export async function bugIds(workspaceId: string): Promise<string[]> {
  const rows = await db.tapdBug.findMany({
    where: { workspaceId },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

export function counts(run: { counts: string }): Record<string, number> {
  return JSON.parse(run.counts);
}

export async function waitUntil<T>(
  what: string,
  fn: () => Promise<T | null | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
