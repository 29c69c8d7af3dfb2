import Database from "better-sqlite3";
import { databaseFile } from "@/lib/export/sqlite-stream";
import {
  ALL_STORIES,
  CfdMemo,
  type ChangeRow,
  type CreatedRow,
  type DataMarks,
  type NewChange,
} from "./cfd-memo";

// The one Grafana module with SQLite-specific raw SQL: the cumulative flow diagram over the story
// status history. Through Prisma it would read every change into JavaScript (1 M rows: seconds);
// here SQLite aggregates per bucket on covering indexes (see the `Grafana CFD` indexes in
// prisma/schema.prisma) and hands back a few hundred rows. Read-only connection, kept open so its
// page cache stays warm between Grafana refreshes, and past buckets are kept until new data touches
// them (lib/grafana/cfd-memo.ts).

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
  changes: { k: number; rows: ChangeRow[] }[];
  /** Stories created from bucket 1 on: bucket, workspace, status before their first change, count. */
  created: CreatedRow[];
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
let cached: { plain?: Statements; filtered?: Statements; tracking?: ReturnType<typeof trackingStatements> } =
  {};

function prepared(filtered: boolean): Statements {
  const key = filtered ? "filtered" : "plain";
  const s = cached[key] ?? statements(filtered);
  cached[key] = s;
  return s;
}

/** Reads what changed since a memo's marks; rowid lookups, so O(log n) plus the new rows. */
function trackingStatements() {
  const c = conn();
  return {
    marks: c.prepare(
      `SELECT (SELECT max(rowid) FROM TapdChange) AS changeRowid, (SELECT max(rowid) FROM TapdStory) AS storyRowid,
              COALESCE((SELECT max(modified) FROM TapdStory WHERE workspaceId IN (SELECT value FROM json_each(:ws))), '') AS modified`,
    ),
    newChanges: c.prepare(
      `SELECT c.workspaceId AS workspaceId, c.changedAt AS changedAt,
              NOT EXISTS (SELECT 1 FROM TapdChange p WHERE p.entityType = 'story' AND p.field = 'status'
                          AND p.entityId = c.entityId AND p.changedAt < c.changedAt) AS first
       FROM TapdChange c WHERE c.rowid > :after AND c.rowid <= :upto AND c.entityType = 'story'
         AND c.field = 'status' AND c.workspaceId IN (SELECT value FROM json_each(:ws))
       LIMIT ${NEW_ROWS_LIMIT + 1}`,
    ),
    newStories: c
      .prepare(
        `SELECT count(*) FROM TapdStory WHERE rowid > :after AND rowid <= :upto
           AND workspaceId IN (SELECT value FROM json_each(:ws))`,
      )
      .pluck(),
  };
}

/** More new rows than this (a first sync) and the memo starts over rather than sorting them out. */
const NEW_ROWS_LIMIT = 5_000;
/** Kept entries across all memos before they are all dropped (each a few rows). */
const MEMO_LIMIT = 200_000;
const memos = new Map<string, CfdMemo>();

/** The memo of these workspaces, brought up to date with the data (lib/grafana/cfd-memo.ts). */
function memoFor(ws: string): CfdMemo {
  cached.tracking ??= trackingStatements();
  const t = cached.tracking;
  const marks = t.marks.get({ ws }) as DataMarks;
  marks.changeRowid ??= 0;
  marks.storyRowid ??= 0;
  if ([...memos.values()].reduce((n, m) => n + m.size, 0) > MEMO_LIMIT) memos.clear();
  let memo = memos.get(ws);
  if (!memo) {
    memo = new CfdMemo();
    memos.set(ws, memo);
  } else if (memo.marks) {
    const was = memo.marks;
    const changes =
      marks.changeRowid === was.changeRowid
        ? []
        : (t.newChanges.all({ ws, after: was.changeRowid, upto: marks.changeRowid }) as NewChange[]);
    if (changes.length > NEW_ROWS_LIMIT) memo.clear();
    else
      memo.forget({
        changes: changes.map((c) => ({ ...c, first: Boolean(c.first) })),
        newStories:
          marks.storyRowid !== was.storyRowid &&
          Number(t.newStories.get({ ws, after: was.storyRowid, upto: marks.storyRowid })) > 0,
        storiesEdited: marks.modified !== was.modified,
      });
  }
  memo.marks = marks;
  return memo;
}

/** The three aggregates the CFD is assembled from (lib/grafana/metrics/story-cfd.ts), in one read transaction. */
export function cfdRows(q: CfdQuery): CfdRows {
  const filtered = q.iterationIds !== undefined;
  const s = prepared(filtered);
  const ws = JSON.stringify(q.workspaceIds);
  const its = JSON.stringify([...(q.iterationIds ?? [])].sort());
  const base = filtered ? { ws, its } : { ws };
  const filter = filtered ? its : ALL_STORIES;
  return conn().transaction(() => {
    const memo = memoFor(ws);
    const changes = new Map<number, ChangeRow[]>();
    for (const w of q.workspaceIds) {
      const missing = q.ranges.filter(([, lo, hi]) => !memo.getChanges(w, filter, lo, hi));
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
        for (const [k, lo, hi] of missing)
          memo.setChanges(
            w,
            filter,
            lo,
            hi,
            (found.get(k) ?? []).map(([a, f, n]): ChangeRow => [w, a, f, n]),
          );
      }
      for (const [k, lo, hi] of q.ranges)
        changes.set(k, [...(changes.get(k) ?? []), ...memo.getChanges(w, filter, lo, hi)!]);
    }
    const layout = [q.end, q.tail, q.first, q.step, q.secondStart].join("\u0000");
    let created = memo.getCreated(filter, layout);
    if (!created) {
      created = s.created.all({
        ...base,
        end: q.end,
        tail: q.tail,
        first: q.first,
        step: q.step,
        second: q.secondStart,
      }) as CreatedRow[];
      memo.setCreated(filter, layout, created);
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
}
