import os from "node:os";
import type { Redis } from "ioredis";

const PREFIX = "tao:worker:heartbeat:";
export const HEARTBEAT_EVERY_MS = 5_000;
const TTL_SECONDS = 20;

export type Heartbeat = {
  id: string;
  pid: number;
  host: string;
  startedAt: string;
  at: string;
  running: number;
};

export function workerId(): string {
  return `${os.hostname()}:${process.pid}`;
}

export async function writeHeartbeat(redis: Redis, beat: Heartbeat): Promise<void> {
  await redis.set(PREFIX + beat.id, JSON.stringify(beat), "EX", TTL_SECONDS);
}

export async function clearHeartbeat(redis: Redis, id: string): Promise<void> {
  await redis.del(PREFIX + id);
}

/** Workers that reported within the last TTL_SECONDS. */
export async function liveWorkers(redis: Redis): Promise<Heartbeat[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 100);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== "0");
  if (keys.length === 0) return [];
  const values = await redis.mget(...keys);
  return values.flatMap((v) => (v ? [JSON.parse(v) as Heartbeat] : []));
}
