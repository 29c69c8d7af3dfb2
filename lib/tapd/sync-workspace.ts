import { db } from "@/lib/db";
import { instantToChinaTime } from "./china-time";
import type { TapdClient } from "./client";
import { ensureIterationReleases } from "./iteration-releases";
import { listAll } from "./paging";
import { ENTITIES, type EntityName, type EntitySpec } from "./sync-entities";
import { ZWireStatusMap } from "./wire";

// One workspace: status maps, then each list (only what changed since its cursor, unless full).

export type SyncCounts = Record<
  EntityName | "workspaces" | "statuses" | "releases" | "links" | "requests",
  number
>;

export const emptyCounts = (): SyncCounts => ({
  workspaces: 0,
  statuses: 0,
  iterations: 0,
  stories: 0,
  bugs: 0,
  storyChanges: 0,
  bugChanges: 0,
  releases: 0,
  links: 0,
  requests: 0,
});

/** Rows modified this close to the cursor are read again: TAPD's filter is strict and times are whole seconds. */
const OVERLAP_MS = 60_000;

export async function syncWorkspace(
  client: TapdClient,
  workspaceId: string,
  opts: { full: boolean; startedAt: Date },
  counts: SyncCounts,
): Promise<void> {
  counts.statuses += await syncStatusMaps(client, workspaceId);
  for (const entity of ENTITIES) {
    counts[entity.name] += await syncEntity(client, workspaceId, entity, opts);
    if (entity.name === "iterations") counts.releases += await ensureIterationReleases(workspaceId);
  }
}

async function syncStatusMaps(client: TapdClient, workspaceId: string): Promise<number> {
  let n = 0;
  for (const system of ["bug", "story"] as const) {
    const data = await client.get("/workflows/status_map", { workspace_id: workspaceId, system });
    const map = ZWireStatusMap.safeParse(Array.isArray(data) && data.length === 0 ? {} : data);
    if (!map.success) continue; // a workspace without that workflow answers differently; nothing to map
    const entries = Object.entries(map.data);
    await db.$transaction(
      entries.map(([key, label]) =>
        db.tapdStatus.upsert({
          where: { workspaceId_system_key: { workspaceId, system, key } },
          create: { workspaceId, system, key, label },
          update: { label },
        }),
      ),
    );
    n += entries.length;
  }
  return n;
}

async function syncEntity(
  client: TapdClient,
  workspaceId: string,
  entity: EntitySpec,
  opts: { full: boolean; startedAt: Date },
): Promise<number> {
  const key = { workspaceId_entity: { workspaceId, entity: entity.name } };
  const cursor = opts.full ? null : await db.tapdSyncCursor.findUnique({ where: key });
  const since = cursor ? new Date(cursor.since.getTime() - OVERLAP_MS) : undefined;
  const params: Record<string, string> = { workspace_id: workspaceId };
  if (since && entity.since === "modified") params.modified = `>${instantToChinaTime(since)}`;

  let written = 0;
  let newest = cursor?.since ?? null;
  const pages = listAll(client, {
    path: entity.path,
    key: entity.key,
    schema: entity.schema,
    fields: entity.fields,
    pageSize: entity.pageSize,
    params,
    createdFrom: entity.since === "created" ? since : undefined,
  });
  for await (const rows of pages) {
    const page = await entity.write(rows);
    written += page.written;
    if (page.newest && (!newest || page.newest > newest)) newest = page.newest;
  }
  // Nothing there yet: start the next run from a day before this one (TAPD's clock may differ a little).
  newest ??= new Date(opts.startedAt.getTime() - 86_400_000);
  await db.tapdSyncCursor.upsert({
    where: key,
    create: { workspaceId, entity: entity.name, since: newest },
    update: { since: newest },
  });
  return written;
}
