import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { TAPD_BUGS, TASKS } from "./datasets";
import { parseExportQuery } from "./export-query";
import { ndjsonStream } from "./ndjson";
import { exportSql } from "./ndjson-export";

async function collect(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const parts: Buffer[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parts.push(Buffer.from(value));
  }
  return { text: Buffer.concat(parts).toString("utf8"), chunks: parts.length };
}

describe("NDJSON stream", () => {
  it("writes each line once, in order, UTF-8, across chunk boundaries and for lines bigger than a chunk", async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ i, t: "缺陷".repeat(i % 50) }));
    lines.splice(2500, 0, JSON.stringify({ big: "长".repeat(100_000) }));
    const { text, chunks } = await collect(ndjsonStream(lines[Symbol.iterator]()));
    expect(chunks).toBeGreaterThan(3);
    expect(text).toBe(`${lines.join("\n")}\n`);
  });

  it("pulls only as the reader asks and closes the source when cancelled", async () => {
    let produced = 0;
    let closed = false;
    function* endless() {
      try {
        for (;;) yield JSON.stringify({ id: String(produced++) });
      } finally {
        closed = true;
      }
    }
    const reader = ndjsonStream(endless()).getReader();
    const first = await reader.read();
    expect(first.value!.byteLength).toBeGreaterThan(128 * 1024);
    expect(produced).toBeLessThan(60_000); // a bounded read-ahead, not the endless source
    await reader.cancel();
    expect(closed).toBe(true);
  });
});

describe("export SQL", () => {
  const url = (q: string) => `http://tao.test/api/v1/tapd/bugs?${q}`;

  it("has SQLite write the JSON, with only the joins the fields need", () => {
    const q = parseExportQuery(
      url("fields=id,status_label&workspace_id=991&modified_since=2024-01-31"),
      TAPD_BUGS,
    );
    expect(q).toEqual({
      fields: ["id", "status_label"],
      workspaceId: "991",
      modifiedSince: "2024-01-31T00:00:00.000+00:00",
    });
    const { sql, params } = exportSql(TAPD_BUGS, q);
    expect(sql).toMatch(
      /^SELECT json_object\('id', b\."id", 'status_label', bs\."label"\) FROM "TapdBug" b LEFT JOIN "TapdStatus"/,
    );
    expect(sql).not.toContain('"TapdIteration"');
    expect(params).toEqual(["991", "2024-01-31T00:00:00.000+00:00"]);
  });

  it("produces exact JSON: long ids as strings, escapes, nulls, numbers and embedded JSON", () => {
    const conn = new Database(":memory:");
    conn.exec(`CREATE TABLE "Task" (id INTEGER, type TEXT, status TEXT, params TEXT, error TEXT)`);
    conn
      .prepare(`INSERT INTO "Task" VALUES (?, ?, ?, ?, ?)`)
      .run(7, "release", "failed", '{"a":[1,"x"]}', 'said "no"\n\\');
    const { sql } = exportSql(TASKS, { fields: ["id", "status", "params", "error"] });
    const line = conn
      .prepare(sql.replace(/ LEFT JOIN .*$/, ""))
      .pluck()
      .get() as string;
    expect(JSON.parse(line)).toEqual({
      id: 7,
      status: "failed",
      params: { a: [1, "x"] },
      error: 'said "no"\n\\',
    });
    const id = conn.prepare(`SELECT json_object('id', ?)`).pluck().get("1146949574001000037") as string;
    expect(id).toBe('{"id":"1146949574001000037"}');
    conn.close();
  });

  it("converts a zoned time to the stored UTC form", () => {
    expect(parseExportQuery(url("modified_since=2024-01-31T08:00:00%2B08:00"), TAPD_BUGS).modifiedSince).toBe(
      "2024-01-31T00:00:00.000+00:00",
    );
  });

  it("refuses what is not on the list, saying what is", () => {
    expect(() => parseExportQuery(url("fields=id,secret"), TAPD_BUGS)).toThrow(
      /unknown field\(s\) secret; the bugs fields are id,/,
    );
    expect(() => parseExportQuery(url("limit=5"), TAPD_BUGS)).toThrow(/Unknown parameter "limit"/);
    expect(() => parseExportQuery(url("modified_since=2024-01-31 10:00"), TAPD_BUGS)).toThrow(
      /modified_since: an ISO 8601/,
    );
  });
});
