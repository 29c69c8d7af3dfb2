import Database from "better-sqlite3";

// The CFD benchmark's data: one product mapped to one TAPD workspace, 20 iterations (releases),
// 100 000 stories and 1 000 000 story status changes spread over one year (2025, UTC), written
// straight into SQLite (whose triggers keep the hourly flow counts, as for every writer: about 6 min on
// 2 cores, against 1½ min without them). Deterministic: the same file every time.

export const CFD_WORKSPACE = "50000001";
export const CFD_PRODUCT = "bench-cfd-product";
export const CFD_YEAR = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) };
export const CFD_STATUSES = ["planning", "developing", "status_3", "resolved", "rejected"] as const;
const LABELS = ["规划中", "开发中", "测试中", "已实现", "已拒绝"];

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** The next status of a story's walk through the workflow: mostly forward, sometimes back. */
function nextStatus(current: string, r: () => number): string {
  const x = r();
  switch (current) {
    case "planning":
      return x < 0.08 ? "rejected" : "developing";
    case "developing":
      return x < 0.8 ? "status_3" : "planning";
    case "status_3":
      return x < 0.6 ? "resolved" : "developing";
    case "resolved":
      return "developing"; // reopened
    default:
      return "planning"; // rejected → back to planning
  }
}

/** Fills the (migrated) database file; returns false when it already holds the data. */
export function generateCfdData(file: string, stories = 100_000, changes = 1_000_000): boolean {
  const conn = new Database(file);
  const have = conn
    .prepare(`SELECT count(*) AS n FROM "TapdChange" WHERE "entityType" = 'story' AND "field" = 'status'`)
    .get() as { n: number };
  const haveStories = (conn.prepare(`SELECT count(*) AS n FROM "TapdStory"`).get() as { n: number }).n;
  if (have.n === changes && haveStories === stories) {
    conn.close();
    return false;
  }
  conn.exec(`DELETE FROM "TapdChange"; DELETE FROM "TapdStory"; DELETE FROM "TapdIteration";
    DELETE FROM "TapdStatus"; DELETE FROM "TapdWorkspace"; DELETE FROM "Release"; DELETE FROM "Product"`);
  const now = iso(Date.now());
  const r = random(20250101);
  const insertStory = conn.prepare(`INSERT INTO "TapdStory" (id, workspaceId, name, status, iterationId,
    created, modified, syncedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertChange = conn.prepare(`INSERT INTO "TapdChange" (id, field, entityType, entityId, workspaceId,
    before, after, author, changedAt) VALUES (?, 'status', 'story', ?, ?, ?, ?, 'bench', ?)`);
  const span = CFD_YEAR.to - CFD_YEAR.from;
  conn.transaction(() => {
    conn
      .prepare(`INSERT INTO "Product" (id, name, updatedAt) VALUES (?, ?, ?)`)
      .run(CFD_PRODUCT, "CFD bench product", now);
    conn
      .prepare(
        `INSERT INTO "TapdWorkspace" (id, name, status, productId, syncedAt) VALUES (?, ?, 'normal', ?, ?)`,
      )
      .run(CFD_WORKSPACE, "CFD bench", CFD_PRODUCT, now);
    CFD_STATUSES.forEach((s, i) => {
      conn.prepare(`INSERT INTO "TapdStatus" VALUES (?, 'story', ?, ?)`).run(CFD_WORKSPACE, s, LABELS[i]);
    });
    for (let i = 0; i < 20; i++) {
      conn
        .prepare(`INSERT INTO "Release" (id, productId, version, updatedAt) VALUES (?, ?, ?, ?)`)
        .run(`bench-cfd-release-${i}`, CFD_PRODUCT, `v3.${i}.0`, now);
      conn
        .prepare(`INSERT INTO "TapdIteration" (id, workspaceId, name, status, releaseId, syncedAt)
          VALUES (?, ?, ?, 'open', ?, ?)`)
        .run(
          `1150000001${String(1_001_000 + i).padStart(9, "0")}`,
          CFD_WORKSPACE,
          `v3.${i}.0`,
          `bench-cfd-release-${i}`,
          now,
        );
    }
    // The sync writes pages in time order, so rows sit in the table in time order, not per story.
    const storyRows: [string, string, string, number, number][] = [];
    const changeRows: [string, string, string, string, number][] = [];
    let written = 0;
    // TAPD numbers stories in the order they are created
    const createdTimes = Array.from({ length: stories }, () => CFD_YEAR.from + Math.floor(r() * span * 0.9));
    createdTimes.sort((x, y) => x - y);
    for (let i = 0; i < stories; i++) {
      // 5..15 changes a story (10 on average); the last story takes what is left
      const n = i === stories - 1 ? changes - written : Math.min(5 + (i % 11), changes - written);
      const created = createdTimes[i]!;
      const cuts = Array.from({ length: n }, () => created + Math.floor(r() * (CFD_YEAR.to - created - 1)));
      cuts.sort((a, b) => a - b);
      const id = `1150000001${String(2_000_000 + i).padStart(9, "0")}`;
      let status = "planning";
      for (let k = 0; k < n; k++) {
        const next = nextStatus(status, r);
        changeRows.push([`${id}${k}`, id, status, next, cuts[k]!]);
        status = next;
      }
      written += n;
      const iteration = `1150000001${String(1_001_000 + (i % 20)).padStart(9, "0")}`;
      storyRows.push([id, status, iteration, created, cuts[n - 1] ?? created]);
    }
    storyRows.sort((a, b) => a[3] - b[3]);
    for (const [id, status, iteration, created, modified] of storyRows)
      insertStory.run(id, CFD_WORKSPACE, `story ${id}`, status, iteration, iso(created), iso(modified), now);
    changeRows.sort((a, b) => a[4] - b[4]);
    for (const [id, story, before, after, at] of changeRows)
      insertChange.run(id, story, CFD_WORKSPACE, before, after, iso(at));
  })();
  conn.exec("ANALYZE");
  conn.close();
  return true;
}
