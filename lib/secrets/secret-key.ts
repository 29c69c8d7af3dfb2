import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/config/database-url";

const KEY_FILE = "secret.key";
let cached: Buffer | undefined;

/**
 * The 32-byte key that encrypts secrets at rest. TAO_SECRET_KEY (64 hex chars or base64 of 32 bytes)
 * wins; otherwise a key is generated once into `<TAO_DATA_DIR>/secret.key` (mode 0600) and reused.
 * Losing that file makes stored passwords unreadable: back it up with the database.
 */
export function secretKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (cached) return cached;
  const fromEnv = env.TAO_SECRET_KEY?.trim();
  cached = fromEnv
    ? parseKey(fromEnv, "TAO_SECRET_KEY")
    : loadOrCreateKeyFile(path.join(dataDir(env), KEY_FILE));
  return cached;
}

export function parseKey(text: string, source: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) {
    throw new Error(`${source} must be 32 bytes, as 64 hex characters or base64 (openssl rand -hex 32)`);
  }
  return key;
}

function loadOrCreateKeyFile(file: string): Buffer {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // "wx" fails if another process created the file first; then we read theirs.
      fs.writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  return parseKey(fs.readFileSync(file, "utf8").trim(), file);
}

/** For tests: forget the cached key. */
export function resetSecretKeyCache(): void {
  cached = undefined;
}
