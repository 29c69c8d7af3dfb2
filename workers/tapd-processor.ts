import { Worker } from "bullmq";
import { QUEUES, type TTapdSyncJob, tapdQueue, ZTapdSyncJob } from "@/lib/jobs/queues";
import { createBlockingConnection } from "@/lib/redis";
import { runTapdSync } from "@/lib/tapd/run-sync";
import { applyTapdSchedule } from "@/lib/tapd/schedule";
import { log } from "@/lib/worker/log";

/** Consumes the TAPD queue: one sync at a time across every worker (global concurrency 1). */
export async function startTapdProcessor() {
  await tapdQueue().setGlobalConcurrency(1);
  const worker = new Worker<TTapdSyncJob>(
    QUEUES.tapd,
    async (job) => {
      const req = ZTapdSyncJob.parse(job.data); // validated again when processed
      const run = await runTapdSync(req);
      const summary = run.status === "success" ? run.counts : run.error;
      log.info("tapd", `run ${run.id} (${req.trigger}, ${run.mode}) ${run.status}: ${summary}`);
    },
    {
      connection: createBlockingConnection("tapd-worker"),
      concurrency: 1,
      lockDuration: 60_000,
      maxStalledCount: 1,
    },
  );
  worker.on("error", (err) => log.warn("tapd", err.message));
  worker.on("failed", (job, err) => log.error("tapd", `job ${job?.id} failed: ${err.message}`));
  try {
    const { everyMinutes } = await applyTapdSchedule();
    log.info(
      "tapd",
      everyMinutes ? `sync every ${everyMinutes} min` : "scheduled sync off (Settings → TAPD)",
    );
  } catch (err) {
    log.warn("tapd", `could not set the sync schedule: ${(err as Error).message}`);
  }
  return {
    running: () => 0, // the heartbeat counts deployments, not syncs
    close: async () => {
      await worker.close();
    },
  };
}
