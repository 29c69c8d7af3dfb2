import { db } from "@/lib/db";
import { SecretDecryptError } from "@/lib/secrets/cipher";
import { log } from "@/lib/worker/log";
import { TapdClient, type TapdClientOptions } from "./client";
import { TapdConfigError, TapdError } from "./errors";
import { linkBranchNames } from "./link-features";
import { loadTapdConnection } from "./settings";
import { emptyCounts, syncWorkspace } from "./sync-workspace";
import { syncWorkspaceList } from "./sync-workspace-list";

// One sync run, recorded in TapdSyncRun (start, end, counts, error). Workspaces are synced three at
// a time; a failure stops the run, keeps every page already written and leaves the cursors of
// unfinished lists where they were, so the next run fetches those again.

export type SyncRequest = {
  trigger: "schedule" | "manual";
  /** Ignore the cursors and read everything again. */
  full?: boolean;
  requestedBy?: string;
  /** Tests: a faster backoff, a small deep-paging limit. */
  client?: Partial<TapdClientOptions>;
};

const WORKSPACES_AT_ONCE = 3;

export async function runTapdSync(req: SyncRequest) {
  // Only one run at a time (the queue's global concurrency is 1): a run still "running" was cut off.
  await db.tapdSyncRun.updateMany({
    where: { status: "running" },
    data: {
      status: "failed",
      finishedAt: new Date(),
      error: "Interrupted: the worker stopped during the run",
    },
  });
  const startedAt = new Date();
  const anyCursor = await db.tapdSyncCursor.findFirst({ select: { workspaceId: true } });
  const run = await db.tapdSyncRun.create({
    data: {
      trigger: req.trigger,
      mode: req.full || !anyCursor ? "full" : "incremental",
      requestedBy: req.requestedBy ?? "",
      startedAt,
    },
  });
  const counts = emptyCounts();
  let client: TapdClient | undefined;
  try {
    const conn = await loadTapdConnection();
    if (!conn)
      throw new TapdConfigError("TAPD is not configured: set the API user and password in Settings → TAPD");
    const tapd = new TapdClient({ ...conn.client, ...req.client });
    client = tapd;
    const workspaceIds = await syncWorkspaceList(tapd, conn);
    counts.workspaces = workspaceIds.length;
    const cursors = await db.tapdSyncCursor.count({ where: { workspaceId: { in: workspaceIds } } });
    if (cursors === 0 && run.mode !== "full")
      await db.tapdSyncRun.update({ where: { id: run.id }, data: { mode: "full" } });
    await forEachLimited(workspaceIds, WORKSPACES_AT_ONCE, (id) =>
      syncWorkspace(tapd, id, { full: Boolean(req.full), startedAt }, counts),
    );
    counts.links = await linkBranchNames();
    counts.requests = tapd.requests;
    return await db.tapdSyncRun.update({
      where: { id: run.id },
      data: { status: "success", finishedAt: new Date(), counts: JSON.stringify(counts) },
    });
  } catch (err) {
    counts.requests = client?.requests ?? 0;
    return await db.tapdSyncRun.update({
      where: { id: run.id },
      data: {
        status: "failed",
        finishedAt: new Date(),
        counts: JSON.stringify(counts),
        error: runError(err),
      },
    });
  }
}

/** TAPD's errors are written for people; anything else is logged and recorded without internals. */
function runError(err: unknown): string {
  if (err instanceof TapdError || err instanceof SecretDecryptError) return err.message;
  log.error("tapd", err instanceof Error ? (err.stack ?? err.message) : String(err));
  const name = err instanceof Error ? err.name : "error";
  return `Internal error during the sync (${name}); the worker log has the details`;
}

/** Runs `fn` over items, `limit` at a time; after the first failure starts nothing new, then rethrows. */
async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.err;
}
