import { db } from "@/lib/db";
import { enqueueTask } from "@/lib/jobs/queues";

/**
 * Puts the next task of an environment on the queue when nothing runs there. Waiting tasks of a busy
 * environment are not on the queue at all (they take no worker slot and nobody polls for them);
 * the task that finishes dispatches the next one.
 */
export async function dispatchEnvironment(environmentId: string): Promise<number | null> {
  const running = await db.task.count({ where: { environmentId, status: "running" } });
  if (running > 0) return null;
  const head = await db.task.findFirst({
    where: { environmentId, status: "waiting" },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (!head) return null;
  await enqueueTask(head.id);
  return head.id;
}

/** Dispatches every environment that has waiting tasks (worker start-up, periodic safety net). */
export async function dispatchAll(): Promise<number[]> {
  const envs = await db.task.findMany({
    where: { status: "waiting" },
    distinct: ["environmentId"],
    select: { environmentId: true },
  });
  const out: number[] = [];
  for (const { environmentId } of envs) {
    const id = await dispatchEnvironment(environmentId);
    if (id !== null) out.push(id);
  }
  return out;
}
