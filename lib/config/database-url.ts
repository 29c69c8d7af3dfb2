import path from "node:path";

/** The SQLite file tao uses: DATABASE_URL, else `<TAO_DATA_DIR>/tao.db`. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  return `file:${path.join(/*turbopackIgnore: true*/ dataDir(env), "tao.db")}`;
}

/** Where tao keeps its files (database, generated secret key): TAO_DATA_DIR, else ./.data. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.TAO_DATA_DIR ?? ".data");
}
