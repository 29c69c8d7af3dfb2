import { Worker } from "bullmq";
import { env } from "@/lib/config/env";
import { QUEUES, type TDeployJob, ZDeployJob } from "@/lib/jobs/queues";
import { createBlockingConnection, redis } from "@/lib/redis";
import { CancelListener } from "@/lib/tasks/cancel-listener";
import { processTask } from "@/lib/tasks/process-task";
import { recoverTasks } from "@/lib/tasks/recover-tasks";
import { log } from "@/lib/worker/log";

const RECOVER_EVERY_MS = 30_000;

/** Consumes the deploy queue: at most TAO_WORKER_CONCURRENCY tasks at once (default 5, like the original). */
export async function startDeployProcessor(workerId: string) {
  const cancels = new CancelListener(createBlockingConnection("cancel-subscriber"));
  await cancels.start();
  const concurrency = env().TAO_WORKER_CONCURRENCY;
  const worker = new Worker<TDeployJob>(
    QUEUES.deploy,
    async (job) => {
      const { taskId } = ZDeployJob.parse(job.data); // validated again when processed
      await processTask(taskId, { redis: redis(), cancels, workerId });
    },
    {
      connection: createBlockingConnection("deploy-worker"),
      concurrency,
      lockDuration: 30_000,
      stalledInterval: 15_000,
      maxStalledCount: 1,
    },
  );
  worker.on("error", (err) => log.warn("deploy", err.message));
  worker.on("failed", (job, err) => log.error("deploy", `job ${job?.id} failed: ${err.message}`));

  const recover = async () => {
    try {
      const { orphaned, dispatched } = await recoverTasks(redis());
      if (orphaned.length) log.warn("deploy", `failed orphaned task(s) ${orphaned.join(", ")}`);
      if (dispatched.length) log.info("deploy", `queued waiting task(s) ${dispatched.join(", ")}`);
    } catch (err) {
      log.warn("deploy", `recovery: ${(err as Error).message}`);
    }
  };
  await recover();
  const timer = setInterval(recover, RECOVER_EVERY_MS);
  log.info("deploy", `consuming ${QUEUES.deploy} with concurrency ${concurrency}`);

  return {
    running: () => cancels.size,
    close: async () => {
      clearInterval(timer);
      await worker.close();
      await cancels.stop();
    },
  };
}
