import { Worker } from "bullmq";
import { processEvent } from "@/lib/gitlab/process-event";
import { requeueStaleEvents } from "@/lib/gitlab/requeue-events";
import { runResync } from "@/lib/gitlab/resync";
import {
  QUEUES,
  type TGitlabEventJob,
  type TGitlabSyncJob,
  ZGitlabEventJob,
  ZGitlabSyncJob,
} from "@/lib/jobs/queues";
import { createBlockingConnection } from "@/lib/redis";
import { log } from "@/lib/worker/log";

const SWEEP_EVERY_MS = 30_000;

/**
 * Consumes the GitLab queues. Events are handled one at a time, in the order they arrived, so a
 * push and the delete that follows it are applied in that order; resyncs run on their own queue.
 */
export async function startGitlabProcessor() {
  const events = new Worker<TGitlabEventJob>(
    QUEUES.gitlabEvents,
    async (job) => {
      const { eventId, attempt } = ZGitlabEventJob.parse(job.data); // validated again when processed
      const outcome = await processEvent(eventId, attempt);
      if (outcome === "failed") log.warn("gitlab", `event ${eventId} failed; see the GitLab events page`);
    },
    { connection: createBlockingConnection("gitlab-events-worker"), concurrency: 1 },
  );
  const sync = new Worker<TGitlabSyncJob>(
    QUEUES.gitlabSync,
    async (job) => {
      const { integrationId } = ZGitlabSyncJob.parse(job.data);
      await runResync(integrationId);
    },
    { connection: createBlockingConnection("gitlab-sync-worker"), concurrency: 1, lockDuration: 120_000 },
  );
  for (const w of [events, sync]) {
    w.on("error", (err) => log.warn("gitlab", err.message));
    w.on("failed", (job, err) => log.error("gitlab", `job ${job?.id} failed: ${err.message}`));
  }

  const sweep = async () => {
    try {
      const { requeued, revived } = await requeueStaleEvents();
      if (requeued || revived) log.info("gitlab", `requeued ${requeued} event(s), revived ${revived}`);
    } catch (err) {
      log.warn("gitlab", `sweep: ${(err as Error).message}`);
    }
  };
  await sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  log.info("gitlab", `consuming ${QUEUES.gitlabEvents} and ${QUEUES.gitlabSync}`);

  return {
    running: () => 0, // the heartbeat counts deployments; GitLab jobs are short
    close: async () => {
      clearInterval(timer);
      await Promise.all([events.close(), sync.close()]);
    },
  };
}
