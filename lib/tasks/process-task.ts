import type { Redis } from "ioredis";
import { db } from "@/lib/db";
import { createMasker } from "@/lib/deploy/mask-secrets";
import { planSecrets } from "@/lib/deploy/plan";
import { type DeployResult, runDeployment } from "@/lib/deploy/run-deployment";
import { pinHostKey } from "@/lib/environments/host-access";
import { recordDeployment } from "@/lib/inventory/record-deployment";
import { buildPlan } from "./build-plan";
import type { CancelListener } from "./cancel-listener";
import { dispatchEnvironment } from "./dispatch";
import { TaskLogWriter } from "./log-writer";
import { claimTask, transition } from "./transitions";

export type ProcessDeps = { redis: Redis; cancels: CancelListener; workerId: string };

/**
 * The deploy job: claim the task (the environment's lock), run the engine, record the outcome,
 * hand the environment to its next task. Safe to run twice for the same task.
 */
export async function processTask(taskId: number, deps: ProcessDeps): Promise<void> {
  const task = await db.task.findUnique({
    where: { id: taskId },
    select: { id: true, status: true, environmentId: true },
  });
  if (!task) return;
  if (task.status === "running") {
    // Re-delivered by BullMQ's stalled-job check: the worker that claimed it is gone.
    await failOrphan(
      taskId,
      task.environmentId,
      deps.redis,
      "the worker running this task stopped (stalled job)",
    );
    return;
  }
  if (task.status !== "waiting" || !(await claimTask(taskId))) return;

  const log = await TaskLogWriter.open(taskId, deps.redis);
  const cancel = deps.cancels.watch(taskId);
  let result: DeployResult;
  try {
    log.write({ stream: "step", line: `task #${taskId} started on worker ${deps.workerId}` });
    const plan = await buildPlan(taskId);
    log.setMask(createMasker(planSecrets(plan)));
    result = await runDeployment(plan, {
      signal: cancel.signal,
      log: (entry) => log.write(entry),
      onHostKey: (host, fingerprint) => pinHostKey(host.hostId!, fingerprint),
      onDeployed: (host, component) =>
        recordDeployment({
          environmentId: task.environmentId,
          hostId: host.hostId!,
          componentId: component.componentId!,
          tag: component.tag,
          taskId,
        }),
    });
  } catch (err) {
    result = { status: "failed", error: err instanceof Error ? err.message : String(err) };
  } finally {
    cancel.done();
  }

  if (result.status === "success") log.write({ stream: "step", line: "deployment finished successfully" });
  else if (result.status === "canceled")
    log.write({ stream: "error", line: "canceled; the containers being replaced were restored" });
  else log.write({ stream: "error", line: `deployment failed: ${result.error}` });
  await log.persistAll(); // every line is in the database before the status says the task ended
  await transition(taskId, "running", result.status, result.error);
  await db.featureBranch.updateMany({
    where: { tasks: { some: { id: taskId } }, status: { not: "closed" } },
    data: {
      lastEnvironmentId: task.environmentId,
      ...(result.status === "success" ? { status: "open" } : {}),
    },
  });
  await log.finish(result.status, result.error);
  await dispatchEnvironment(task.environmentId);
}

/** Ends a task that a dead worker left `running`, saying so in its log. */
export async function failOrphan(
  taskId: number,
  environmentId: string,
  redis: Redis,
  why: string,
): Promise<void> {
  const message = `${why}; the environment may be partly deployed — check it and retry`;
  if (!(await transition(taskId, "running", "failed", message))) return;
  const log = await TaskLogWriter.open(taskId, redis);
  log.write({ stream: "error", line: message });
  await log.finish("failed", message);
  await dispatchEnvironment(environmentId);
}
