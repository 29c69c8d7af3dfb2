import { db } from "@/lib/db";

/** A component now runs `tag` on a host, put there by a task. */
export async function recordDeployment(input: {
  environmentId: string;
  hostId: string;
  componentId: string;
  tag: string;
  taskId: number;
}) {
  const now = new Date();
  await db.inventoryItem.upsert({
    where: { hostId_componentId: { hostId: input.hostId, componentId: input.componentId } },
    create: { ...input, deployedAt: now },
    update: { tag: input.tag, taskId: input.taskId, deployedAt: now, environmentId: input.environmentId },
  });
}
