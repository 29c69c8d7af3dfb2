import { db } from "@/lib/db";
import { redis } from "@/lib/redis";
import { liveWorkers } from "@/lib/worker/heartbeat";

type Check = { ok: boolean; error?: string };
export type Health = {
  status: "ok" | "degraded" | "down";
  database: Check;
  redis: Check;
  worker: Check & { workers: { id: string; at: string; running: number }[] };
};

async function probe<T>(
  fn: () => Promise<T>,
  timeoutMs = 2000,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** Database and Redis are required (down = 503); a missing worker only degrades. */
export async function checkHealth(): Promise<Health> {
  const [database, cache, workers] = await Promise.all([
    probe(() => db.$queryRawUnsafe("SELECT 1")),
    probe(() => redis().ping()),
    probe(() => liveWorkers(redis())),
  ]);
  const list = workers.ok ? workers.value.map((w) => ({ id: w.id, at: w.at, running: w.running })) : [];
  const worker = workers.ok
    ? {
        ok: list.length > 0,
        workers: list,
        ...(list.length ? {} : { error: "no worker has reported in the last 20 s" }),
      }
    : { ok: false, error: workers.error, workers: [] };
  const status = !database.ok || !cache.ok ? "down" : worker.ok ? "ok" : "degraded";
  return {
    status,
    database: database.ok ? { ok: true } : { ok: false, error: database.error },
    redis: cache.ok ? { ok: true } : { ok: false, error: cache.error },
    worker,
  };
}
