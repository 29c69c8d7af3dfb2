import Database from "better-sqlite3";
import { databaseUrl } from "@/lib/config/database-url";

// The one module with SQLite-specific raw SQL (style rule: everything else goes through Prisma).
// Exports read millions of rows with constant memory: better-sqlite3's statement iterator on a
// read-only connection of the same file, one row at a time.

export function databaseFile(url = databaseUrl()): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/**
 * The first column of each row of `sql`. The connection is opened for this iteration alone (an open
 * iterator keeps its connection busy) and closed when the iteration ends or is abandoned.
 */
export function* iterateFirstColumn<T>(sql: string, params: readonly unknown[]): Generator<T> {
  const conn = new Database(databaseFile(), { readonly: true, fileMustExist: true });
  try {
    conn.pragma("busy_timeout = 10000");
    yield* conn
      .prepare(sql)
      .pluck(true)
      .iterate(...params) as IterableIterator<T>;
  } finally {
    conn.close();
  }
}
