import Database from "better-sqlite3";
import { databaseFile } from "@/lib/export/sqlite-stream";
import { storedInstant } from "@/lib/stored-instant";
import { type Range, splitRanges } from "./cfd-pieces";

// The one Grafana module with SQLite-specific raw SQL: the cumulative flow diagram over the story
// status history. It reads the hourly flow counts the database keeps (TapdStoryFlow, maintained by
// triggers: see prisma/schema.prisma) for the whole hours of each bucket, and the raw history only for
// the partial hours at bucket ends (lib/grafana/cfd-pieces.ts). Read-only connection, kept open so its
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
  /** Only stories now in these iterations; undefined = every story. */
  iterationIds?: string[];
  /** Buckets 1… and the tail after the range (to = Infinity), in Unix seconds. */
  ranges: Range[];
};

/** Flows in bucket k: kind 0 status changes before → after, kind 1 stories created in `after`. */
export type FlowRow = [k: number, workspaceId: string, kind: 0 | 1, before: string, after: string, n: number];

export type CfdRows = {
  /** Stories per workspace and current status. */
  current: { workspaceId: string; status: string; n: number }[];
  flows: FlowRow[];
};

/** Upper bound of the tail as a stored instant. Not "9999": DateTime columns have NUMERIC affinity, so
 * SQLite would compare a numeric-looking text as the number 9999, which sorts before every stored
 * (text) instant. */
const END_OF_TIME = "9999-12-31T23:59:59.999+00:00";
/** The tail's end hour: JSON has no Infinity. */
const LAST_HOUR = Number.MAX_SAFE_INTEGER;

const instantAt = (seconds: number) =>
  seconds === Number.POSITIVE_INFINITY ? END_OF_TIME : storedInstant(new Date(seconds * 1000));

const inList = (param: string) => `IN (SELECT value FROM json_each(:${param}))`;

/**
 * Per piece, the flows grouped by workspace, kind and status pair, as JSON: grouping each piece on its
 * own sorts a few rows at a time (one GROUP BY over all pieces measured 3× slower).
 */
const perPiece = (flows: string) =>
  `WITH p(k, lo, hi) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(:pieces))
   SELECT p.k, (SELECT json_group_array(json_array(w, kind, b, a, n)) FROM (${flows})) FROM p`;

function statements(filtered: boolean) {
  const c = conn();
  const storyScope = filtered ? `st.scope ${inList("its")}` : "1";
  return {
    current: c.prepare(
      `SELECT workspaceId, status, count(*) AS n FROM TapdStory
       WHERE workspaceId ${inList("ws")} ${filtered ? `AND iterationId ${inList("its")}` : ""} GROUP BY 1, 2`,
    ),
    // One range of the flow table's key (workspace, scope, hour) per piece: a few rows an hour.
    hours: c
      .prepare(
        perPiece(
          `SELECT f.workspaceId AS w, f.kind AS kind, f.before AS b, f.after AS a, sum(f.n) AS n
           FROM TapdStoryFlow f WHERE f.workspaceId ${inList("ws")} AND f.scope ${inList("scopes")}
            AND f.hour >= p.lo AND f.hour < p.hi GROUP BY 1, 2, 3, 4`,
        ),
      )
      .raw(),
    // Partial hours: the changes and the stories created in them, with the status a story was created
    // in as the triggers recorded it, scoped by iteration as the flow table is (the recorded scope).
    raw: c
      .prepare(
        `${perPiece(
          `SELECT ch.workspaceId AS w, 0 AS kind, coalesce(ch.before, '') AS b, coalesce(ch.after, '') AS a, count(*) AS n
           FROM TapdChange ch WHERE ch.workspaceId ${inList("ws")} AND ch.entityType = 'story'
            AND ch.field = 'status' AND ch.changedAt >= p.lo AND ch.changedAt < p.hi
            ${filtered ? `AND EXISTS (SELECT 1 FROM TapdStoryFlowState st WHERE st.storyId = ch.entityId AND ${storyScope})` : ""}
           GROUP BY 1, 2, 3, 4
           UNION ALL
           SELECT s.workspaceId, 1, '', st.initial, count(*)
           FROM TapdStory s JOIN TapdStoryFlowState st ON st.storyId = s.id AND st.initial <> '' AND ${storyScope}
           WHERE s.workspaceId ${inList("ws")} AND s.created >= p.lo AND s.created < p.hi
           GROUP BY 1, 2, 3, 4`,
        )}`,
      )
      .raw(),
  };
}

/** Rows [k, JSON array of [workspace, kind, before, after, n]] as flows. */
function flowsOf(rows: unknown[][]): FlowRow[] {
  const flows: FlowRow[] = [];
  for (const [k, json] of rows as [number, string][])
    for (const [w, kind, b, a, n] of JSON.parse(json) as [string, 0 | 1, string, string, number][])
      flows.push([k, w, kind, b, a, n]);
  return flows;
}

type Statements = ReturnType<typeof statements>;
let cached: { plain?: Statements; filtered?: Statements } = {};

function prepared(filtered: boolean): Statements {
  const key = filtered ? "filtered" : "plain";
  const s = cached[key] ?? statements(filtered);
  cached[key] = s;
  return s;
}

/** What the CFD is assembled from (lib/grafana/metrics/story-cfd.ts), in one read transaction. */
export function cfdRows(q: CfdQuery): CfdRows {
  const filtered = q.iterationIds !== undefined;
  const s = prepared(filtered);
  const ws = JSON.stringify(q.workspaceIds);
  const its = JSON.stringify(q.iterationIds ?? []);
  const { hours, raw } = splitRanges(q.ranges);
  const hourPieces = JSON.stringify(
    hours.map(([k, lo, hi]) => [k, lo, hi === Number.POSITIVE_INFINITY ? LAST_HOUR : hi]),
  );
  const rawPieces = JSON.stringify(raw.map(([k, lo, hi]) => [k, instantAt(lo), instantAt(hi)]));
  return conn().transaction(() => ({
    current: s.current.all(filtered ? { ws, its } : { ws }) as CfdRows["current"],
    flows: [
      ...flowsOf(s.hours.all({ ws, scopes: filtered ? its : '["*"]', pieces: hourPieces }) as unknown[][]),
      ...(raw.length
        ? flowsOf(s.raw.all({ ws, pieces: rawPieces, ...(filtered ? { its } : {}) }) as unknown[][])
        : []),
    ],
  }))();
}

/** Closes the connection (tests that replace the database file). */
export function closeGrafanaSql() {
  connection?.close();
  connection = undefined;
  cached = {};
}
