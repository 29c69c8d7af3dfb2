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
  // One index range per bucket (no sort of a million rows): per bucket, changes grouped by status pair.
  // `+entityId` keeps SQLite from walking the per-story index once per bucket when versions are chosen.
  const changes = c.prepare(
    `WITH b(k, lo, hi) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(:ranges))
     SELECT b.k AS k, (SELECT json_group_array(json_array(w, a, f, n)) FROM (
       SELECT ch.workspaceId AS w, ch."after" AS a, ch."before" AS f, count(*) AS n FROM TapdChange ch
       WHERE ch.workspaceId IN (SELECT value FROM json_each(:ws)) AND ch.entityType = 'story'
         AND ch.field = 'status' AND ch.changedAt >= b.lo AND ch.changedAt < b.hi
         ${iterations ? `AND +ch.entityId IN (SELECT id FROM TapdStory s WHERE ${storyFilter("s", true)})` : ""}
       GROUP BY 1, 2, 3)) AS rows FROM b`,
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
let cached: { plain?: Statements; filtered?: Statements } = {};

function prepared(filtered: boolean): Statements {
  const key = filtered ? "filtered" : "plain";
  const s = cached[key] ?? statements(filtered);
  cached[key] = s;
  return s;
}

/** The three aggregates the CFD is assembled from (lib/grafana/metrics/story-cfd.ts), in one read transaction. */
export function cfdRows(q: CfdQuery): CfdRows {
  const filtered = q.iterationIds !== undefined;
  const s = prepared(filtered);
  const ws = JSON.stringify(q.workspaceIds);
  const its = JSON.stringify(q.iterationIds ?? []);
  const base = filtered ? { ws, its } : { ws };
  return conn().transaction(() => ({
    current: s.current.all(base) as CfdRows["current"],
    changes: (
      s.changes.all({ ...base, ranges: JSON.stringify(q.ranges) }) as { k: number; rows: string | null }[]
    ).map((r) => ({ k: r.k, rows: r.rows ? JSON.parse(r.rows) : [] })),
    created: s.created.all({
      ...base,
      end: q.end,
      tail: q.tail,
      first: q.first,
      step: q.step,
      second: q.secondStart,
    }) as CfdRows["created"],
  }))();
}

/** Closes the connection (tests that replace the database file). */
export function closeGrafanaSql() {
  connection?.close();
  connection = undefined;
  cached = {};
}
