import { timingSafeEqual } from "node:crypto";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { UnauthorizedError } from "@/lib/errors";

// X-Gitlab-Token is GitLab's plain shared secret. tao stores its SHA-256 per integration and
// compares hashes in constant time against every integration (no early exit). The hashes are
// cached for a few seconds: the webhook is the hottest path tao has.

const CACHE_MS = 5_000;
type Secret = { id: string; hash: Buffer };
const holder = globalThis as unknown as { taoWebhookSecrets?: { at: number; secrets: Secret[] } };

async function secrets(): Promise<Secret[]> {
  const cached = holder.taoWebhookSecrets;
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.secrets;
  const rows = await db.gitlabIntegration.findMany({ select: { id: true, webhookSecretHash: true } });
  const list = rows
    .filter((r) => /^[0-9a-f]{64}$/.test(r.webhookSecretHash))
    .map((r) => ({ id: r.id, hash: Buffer.from(r.webhookSecretHash, "hex") }));
  holder.taoWebhookSecrets = { at: Date.now(), secrets: list };
  return list;
}

/** Drops the cache after an integration changed (in this process; others wait CACHE_MS). */
export function forgetWebhookSecrets(): void {
  holder.taoWebhookSecrets = undefined;
}

/** The id of the integration whose secret this is; 401 when the token is missing or wrong. */
export async function verifyWebhookToken(token: string | null): Promise<string> {
  if (!token) throw new UnauthorizedError("X-Gitlab-Token is missing");
  const given = Buffer.from(hashToken(token), "hex");
  let found: string | undefined;
  for (const s of await secrets()) {
    if (timingSafeEqual(given, s.hash) && !found) found = s.id;
  }
  if (!found) throw new UnauthorizedError("X-Gitlab-Token does not match a configured GitLab integration");
  return found;
}
