import { redis } from "@/lib/redis";

// A fixed-window counter in Redis; when Redis does not answer, a per-process map keeps the limit.
const local = new Map<string, { count: number; resetAt: number }>();

export async function hit(key: string, windowSeconds: number): Promise<number> {
  try {
    const r = redis();
    const k = `tao:ratelimit:${key}`;
    const [[, count]] = (await r.multi().incr(k).expire(k, windowSeconds, "NX").exec()) as [[null, number]];
    return count;
  } catch {
    const now = Date.now();
    const entry = local.get(key);
    if (!entry || entry.resetAt <= now) {
      local.set(key, { count: 1, resetAt: now + windowSeconds * 1000 });
      return 1;
    }
    entry.count += 1;
    return entry.count;
  }
}

export async function reset(key: string): Promise<void> {
  local.delete(key);
  try {
    await redis().del(`tao:ratelimit:${key}`);
  } catch {
    // Redis away: the key expires on its own.
  }
}

/** Takes one counted attempt back (a successful sign-in does not use up the budget). */
export async function giveBack(key: string): Promise<void> {
  const entry = local.get(key);
  if (entry && entry.count > 0) entry.count -= 1;
  try {
    await redis().decr(`tao:ratelimit:${key}`);
  } catch {
    // Redis away: the local counter was adjusted.
  }
}
