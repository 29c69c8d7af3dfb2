import { db } from "@/lib/db";
import { FINAL_TASK_STATUSES, type TTaskStatus } from "@/lib/domain/enums";

// The one writer of a task's status. waiting → running → success | failed | canceled, and
// waiting → canceled | failed. Anything else is a bug and throws.

const ALLOWED: Record<TTaskStatus, readonly TTaskStatus[]> = {
  waiting: ["running", "canceled", "failed"],
  running: ["success", "failed", "canceled"],
  success: [],
  failed: [],
  canceled: [],
};

export class InvalidTransitionError extends Error {}

/**
 * Moves a task from `from` to `to` if it is still in `from`; returns false when another process
 * moved it first (e.g. a cancel racing a finish).
 */
export async function transition(
  taskId: number,
  from: TTaskStatus,
  to: TTaskStatus,
  error = "",
): Promise<boolean> {
  if (!ALLOWED[from].includes(to))
    throw new InvalidTransitionError(`task ${taskId}: ${from} → ${to} is not allowed`);
  const now = new Date();
  const res = await db.task.updateMany({
    where: { id: taskId, status: from },
    data: {
      status: to,
      ...(to === "running" ? { startedAt: now } : {}),
      ...(FINAL_TASK_STATUSES.includes(to) ? { finishedAt: now } : {}),
      ...(error ? { error: error.slice(0, 2000) } : {}),
    },
  });
  return res.count === 1;
}

/**
 * waiting → running, but only for the oldest waiting task of an environment where nothing runs:
 * the per-environment lock and its FIFO order are this one conditional update.
 */
export async function claimTask(taskId: number): Promise<boolean> {
  const res = await db.task.updateMany({
    where: {
      id: taskId,
      status: "waiting",
      environment: {
        tasks: { none: { OR: [{ status: "running" }, { status: "waiting", id: { lt: taskId } }] } },
      },
    },
    data: { status: "running", startedAt: new Date() },
  });
  return res.count === 1;
}
