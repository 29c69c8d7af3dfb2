import { z } from "zod";
import { databaseUrl, dataDir } from "./database-url";

// Every environment variable tao reads, validated once at start-up. README's configuration table
// lists the same variables; keep the two in step.
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  TAO_SECRET_KEY: z.string().optional(),
  TAO_SESSION_HOURS: z.coerce.number().positive().default(12),
  TAO_COOKIE_SECURE: z
    .enum(["auto", "true", "false"])
    .default("auto")
    .describe("Secure flag on the session cookie; auto = set it when the request came over https"),
  TAO_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
  TAO_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  TAO_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(300),
  TAO_TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  TAO_MIN_FREE_DISK_MB: z.coerce.number().int().min(0).default(1024),
  TAO_SSH_TIMEOUT_SECONDS: z.coerce.number().positive().default(15),
  TAO_COMMAND_TIMEOUT_SECONDS: z.coerce.number().positive().default(600),
  TAO_LOG_STREAM_MAXLEN: z.coerce.number().int().min(1000).default(200_000),
});

export type TEnv = z.infer<typeof ZEnv> & { DATABASE_URL: string; TAO_DATA_DIR: string };

let cached: TEnv | undefined;

/** Reads and validates the environment once; a bad value stops the process with a clear message. */
export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = { ...parsed.data, DATABASE_URL: databaseUrl(), TAO_DATA_DIR: dataDir() };
  return cached;
}
