import type { Redis } from "ioredis";
import { db } from "@/lib/db";
import { deployJobId, deployQueue } from "@/lib/jobs/queues";
import { dispatchAll } from "./dispatch";
import { failOrphan } from "./process-task";

/**
 * The database is the source of truth. On worker start (and periodically): a task the database says
 * is running but whose job no live worker holds (no BullMQ lock) failed with its worker; every
 * environment with waiting tasks gets its next task back on the queue.
 */
export async function recoverTasks(redis: Redis): Promise<{ orphaned: number[]; dispatched: number[] }> {
  const queue = deployQueue();
  const running = await db.task.findMany({
    where: { status: "running" },
    select: { id: true, environmentId: true },
  });
  const orphaned: number[] = [];
  for (const task of running) {
    const locked = await redis.exists(queue.toKey(`${deployJobId(task.id)}:lock`));
    if (locked) continue;
    await failOrphan(task.id, task.environmentId, redis, "the worker running this task stopped");
    orphaned.push(task.id);
  }
  return { orphaned, dispatched: await dispatchAll() };
}
