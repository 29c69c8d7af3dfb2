import { Redis, type RedisOptions } from "ioredis";
import { env } from "@/lib/config/env";

export function redisUrl(): string {
  return env().REDIS_URL;
}

/**
 * A connection for commands issued by request handlers: fail fast when Redis is away instead of
 * queueing forever, and keep reconnecting in the background.
 */
export function createCommandConnection(name: string): Redis {
  return new Redis(redisUrl(), {
    connectionName: `tao:${name}`,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
}

/** A connection for BullMQ workers and blocking reads (XREAD BLOCK): never give up a command. */
export function createBlockingConnection(name: string, extra: RedisOptions = {}): Redis {
  return new Redis(redisUrl(), {
    connectionName: `tao:${name}`,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...extra,
  });
}

const holder = globalThis as unknown as { taoRedis?: Redis };

/** The shared command connection of this process. */
export function redis(): Redis {
  holder.taoRedis ??= createCommandConnection(process.env.TAO_PROCESS_NAME ?? "web");
  return holder.taoRedis;
}
