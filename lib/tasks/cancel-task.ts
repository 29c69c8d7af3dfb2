import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan, deployAbility, type Principal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { deployJobId, deployQueue } from "@/lib/jobs/queues";
import { redis } from "@/lib/redis";
import { dispatchEnvironment } from "./dispatch";
import { CANCEL_CHANNEL } from "./log-keys";
import { TaskLogWriter } from "./log-writer";
import { transition } from "./transitions";

/**
 * Cancels a task. A waiting task ends at once; a running one is flagged and its worker told through
 * Redis: it kills the remote command, restores the container it was replacing and ends `canceled`.
 */
export async function cancelTask(principal: Principal, taskId: number): Promise<{ status: string }> {
  const task = await db.task.findUnique({ where: { id: taskId }, include: { environment: true } });
  if (!task) throw new NotFoundError("Task");
  assertCan(principal, deployAbility(task.environment));
  await writeAudit(principal, { action: "task.cancel", targetType: "task", targetId: taskId });

  if (
    task.status === "waiting" &&
    (await transition(taskId, "waiting", "canceled", `canceled by ${principal.username}`))
  ) {
    await deployQueue()
      .remove(deployJobId(taskId))
      .catch(() => 0); // an active job finds the task canceled and does nothing
    const log = await TaskLogWriter.open(taskId, redis());
    log.write({ stream: "error", line: `canceled by ${principal.username} before it started` });
    await log.finish("canceled");
    await dispatchEnvironment(task.environmentId);
    return { status: "canceled" };
  }
  if (task.status === "running") {
    await db.task.update({ where: { id: taskId }, data: { cancelRequested: true } });
    await redis().publish(CANCEL_CHANNEL, String(taskId));
    return { status: "canceling" };
  }
  const now = await db.task.findUnique({ where: { id: taskId }, select: { status: true } });
  if (now?.status === "running") return cancelTask(principal, taskId); // it started meanwhile
  throw new ConflictError(`Task #${taskId} has already ended (${now?.status ?? task.status})`);
}
