import Database from "better-sqlite3";
import { databaseFile } from "@/lib/export/sqlite-stream";

// The one Grafana module with SQLite-specific raw SQL: the cumulative flow diagram over the story
// status history. Through Prisma it would read every change into JavaScript (1 M rows: seconds);
// here SQLite aggregates per bucket on covering indexes (see the `Grafana CFD` indexes in
// prisma/schema.prisma) and hands back a few hundred rows. Read-only connection, kept open so its
// page cache stays warm between Grafana refreshes.

let connection: Database.Database | undefined;

function conn(): Database.Database {
  if (!connection) {
    connection = new Database(databaseFile(), { readonly: true, fileMustExist: true });
    connection.pragma("busy_timeout = 10000");
    connection.pragma("cache_size = -32768"); // 32 MB
  }
  return connection;
}

export type CfdQuery = {
  workspaceIds: string[];
  /** Only stories in these iterations; undefined = every story. */
  iterationIds?: string[];
  /** Buckets 1… and the tail after the range: [k, from, to) as stored instants ("…+00:00"). */
  ranges: [number, string, string][];
  /** Start of bucket 1 (= end of bucket 0) and end of the range, as stored instants. */
  secondStart: string;
  end: string;
  /** Bucket arithmetic for story creation times: bucket = (unixepoch(created) − first) / step. */
  first: number;
  step: number;
  tail: number;
};

export type CfdRows = {
  /** Stories per workspace and current status. */
  current: { workspaceId: string; status: string; n: number }[];
  /** Per bucket ≥ 1 (and the tail): status changes [workspaceId, after, before, count]. */
  changes: { k: number; rows: [string, string | null, string | null, number][] }[];
  /** Stories created from bucket 1 on: bucket, workspace, status before their first change, count. */
  created: { k: number; workspaceId: string; initial: string; n: number }[];
};

const storyFilter = (alias: string, iterations: boolean) =>
  `${alias}.workspaceId IN (SELECT value FROM json_each(:ws))` +
  (iterations ? ` AND ${alias}.iterationId IN (SELECT value FROM json_each(:its))` : "");

function statements(iterations: boolean) {
  const c = conn();
  const current = c.prepare(
    `SELECT workspaceId, status, count(*) AS n FROM TapdStory s WHERE ${storyFilter("s", iterations)} GROUP BY 1, 2`,
  );
  // One index range per bucket (no sort of a million rows): per bucket, changes grouped by status pair,
  // one workspace at a time (a smaller group key: measured 20 % faster than grouping by workspace too).
  // `+entityId` keeps SQLite from walking the per-story index once per bucket when versions are chosen.
  const changes = c.prepare(
    `WITH b(k, lo, hi) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(:ranges))
     SELECT b.k AS k, (SELECT json_group_array(json_array(a, f, n)) FROM (
       SELECT ch."after" AS a, ch."before" AS f, count(*) AS n FROM TapdChange ch
       WHERE ch.workspaceId = :w AND ch.entityType = 'story'
         AND ch.field = 'status' AND ch.changedAt >= b.lo AND ch.changedAt < b.hi
         ${iterations ? `AND +ch.entityId IN (SELECT id FROM TapdStory s WHERE s.workspaceId = :w AND s.iterationId IN (SELECT value FROM json_each(:its)))` : ""}
       GROUP BY 1, 2)) AS rows FROM b`,
  );
  const created = c.prepare(
    `SELECT CASE WHEN s.created >= :end THEN :tail
                 ELSE (unixepoch(s.created) - CAST(:first AS INTEGER)) / CAST(:step AS INTEGER) END AS k,
            s.workspaceId AS workspaceId,
            COALESCE((SELECT COALESCE(ch."before", '') FROM TapdChange ch
                      WHERE ch.entityType = 'story' AND ch.field = 'status' AND ch.entityId = s.id
                      ORDER BY ch.changedAt LIMIT 1), s.status) AS initial,
            count(*) AS n
     FROM TapdStory s WHERE ${storyFilter("s", iterations)} AND s.created >= :second
     GROUP BY 1, 2, 3`,
  );
  return { current, changes, created };
}

type Statements = ReturnType<typeof statements>;
let cached: { plain?: Statements; filtered?: Statements; stamp?: Database.Statement } = {};

function prepared(filtered: boolean): Statements {
  const key = filtered ? "filtered" : "plain";
  const s = cached[key] ?? statements(filtered);
  cached[key] = s;
  return s;
}

/**
 * What the history depends on, read in O(log n): change and story rows are only ever added or
 * upserted with the same content (lib/tapd/sync-entities.ts), so new rowids reveal new rows, and a
 * story moved to another iteration gets a newer `modified`.
 */
function dataStamp(ws: string): string {
  cached.stamp ??= conn()
    .prepare(
      `SELECT (SELECT max(rowid) FROM TapdChange) || '/' || (SELECT max(rowid) FROM TapdStory) || '/' ||
              COALESCE((SELECT max(modified) FROM TapdStory WHERE workspaceId IN (SELECT value FROM json_each(:ws))), '')`,
    )
    .pluck();
  return String(cached.stamp.get({ ws }));
}

type ChangeRow = CfdRows["changes"][number]["rows"][number];

/**
 * Past buckets' aggregates do not change until the data does, and Grafana asks for the same daily
 * buckets on every refresh: they are kept (per workspaces, version filter and bucket bounds) while
 * the workspaces' data stamp stays the same. The stories' current statuses are always read afresh.
 */
type Memo = { stamp: string; changes: Map<string, ChangeRow[]>; created: Map<string, CfdRows["created"]> };
const memos = new Map<string, Memo>();
/** Cached bucket aggregates across all memos before they are all dropped (a few rows each). */
const MEMO_LIMIT = 200_000;
let memoSize = 0;

function memoFor(ws: string): Memo {
  const stamp = dataStamp(ws);
  let memo = memos.get(ws);
  if (memo?.stamp !== stamp || memoSize > MEMO_LIMIT) {
    if (memoSize > MEMO_LIMIT) {
      memos.clear();
      memoSize = 0;
    }
    if (memo) memoSize -= memo.changes.size;
    memo = { stamp, changes: new Map(), created: new Map() };
    memos.set(ws, memo);
  }
  return memo;
}

/** The three aggregates the CFD is assembled from (lib/grafana/metrics/story-cfd.ts), in one read transaction. */
export function cfdRows(q: CfdQuery): CfdRows {
  const filtered = q.iterationIds !== undefined;
  const s = prepared(filtered);
  const ws = JSON.stringify(q.workspaceIds);
  const its = JSON.stringify([...(q.iterationIds ?? [])].sort());
  const base = filtered ? { ws, its } : { ws };
  return conn().transaction(() => {
    const memo = memoFor(ws);
    const filter = filtered ? its : "*";
    const changes = new Map<number, ChangeRow[]>();
    for (const w of q.workspaceIds) {
      const key = (r: [number, string, string]) => `${w}\u0000${filter}\u0000${r[1]}\u0000${r[2]}`;
      const missing = q.ranges.filter((r) => !memo.changes.has(key(r)));
      if (missing.length) {
        const rows = s.changes.all({ ...(filtered ? { its } : {}), w, ranges: JSON.stringify(missing) }) as {
          k: number;
          rows: string | null;
        }[];
        const found = new Map(
          rows.map((r) => [
            r.k,
            r.rows ? (JSON.parse(r.rows) as [string | null, string | null, number][]) : [],
          ]),
        );
        for (const r of missing)
          memo.changes.set(
            key(r),
            (found.get(r[0]) ?? []).map(([a, f, n]): ChangeRow => [w, a, f, n]),
          );
        memoSize += missing.length;
      }
      for (const r of q.ranges)
        changes.set(r[0], [...(changes.get(r[0]) ?? []), ...memo.changes.get(key(r))!]);
    }
    const createdKey = [filter, q.end, q.tail, q.first, q.step, q.secondStart].join("\u0000");
    let created = memo.created.get(createdKey);
    if (!created) {
      created = s.created.all({
        ...base,
        end: q.end,
        tail: q.tail,
        first: q.first,
        step: q.step,
        second: q.secondStart,
      }) as CfdRows["created"];
      memo.created.set(createdKey, created);
    }
    return {
      current: s.current.all(base) as CfdRows["current"],
      changes: [...changes].map(([k, rows]) => ({ k, rows })),
      created,
    };
  })();
}

/** Closes the connection (tests that replace the database file). */
export function closeGrafanaSql() {
  connection?.close();
  connection = undefined;
  cached = {};
  memos.clear();
  memoSize = 0;
}
