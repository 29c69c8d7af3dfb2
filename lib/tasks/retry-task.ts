import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan, deployAbility, type Principal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { dispatchEnvironment } from "./dispatch";

/** A new task with the same environment and the same resolved components, linked to the original. */
export async function retryTask(principal: Principal, taskId: number) {
  const original = await db.task.findUnique({ where: { id: taskId }, include: { environment: true } });
  if (!original) throw new NotFoundError("Task");
  assertCan(principal, deployAbility(original.environment));
  const task = await db.task.create({
    data: {
      type: original.type,
      environmentId: original.environmentId,
      productId: original.productId,
      releaseId: original.releaseId,
      featureBranchId: original.featureBranchId,
      params: original.params,
      creatorId: principal.userId,
      creatorName: principal.username,
      retryOfId: original.id,
    },
  });
  await writeAudit(principal, {
    action: "task.retry",
    targetType: "task",
    targetId: task.id,
    detail: { retryOf: original.id },
  });
  await dispatchEnvironment(original.environmentId);
  return task;
}
