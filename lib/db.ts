import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "@/lib/config/database-url";

// Secret columns are left out of every query unless a caller asks for them by name
// (`omit: { secretEnc: false }`), which only lib/secrets' users at the moment of use do.
const globalOmit = {
  user: { passwordHash: true },
  host: { secretEnc: true },
  registry: { passwordEnc: true },
  tapdSettings: { apiPasswordEnc: true },
  gitlabIntegration: { accessTokenEnc: true, webhookSecretHash: true },
} as const;

function createClient() {
  // timeout = SQLite busy timeout: web and worker write the same file.
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 10_000 });
  return new PrismaClient({ adapter, omit: globalOmit });
}

export type Db = ReturnType<typeof createClient>;

const holder = globalThis as unknown as { taoDb?: Db };

/** The one Prisma client of this process (kept across Next.js dev reloads). */
export const db: Db = holder.taoDb ?? createClient();
if (process.env.NODE_ENV !== "production") holder.taoDb = db;
