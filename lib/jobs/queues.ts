import { Queue } from "bullmq";
import { z } from "zod";
import { createCommandConnection } from "@/lib/redis";

// Every BullMQ queue tao uses: its name, its job payload schema and how job ids are derived.

export const QUEUES = {
  deploy: "tao-deploy",
  gitlabEvents: "tao-gitlab-events",
  gitlabSync: "tao-gitlab-sync",
  tapd: "tao-tapd",
} as const;

export const ZDeployJob = z.object({ taskId: z.number().int().positive() });
export type TDeployJob = z.infer<typeof ZDeployJob>;

/** One job per task: adding the same task twice while its job exists is a no-op. */
export const deployJobId = (taskId: number) => `task-${taskId}`;

/** A stored GitLab event to handle; `attempt` (the row's attempts) makes a reprocess a new job. */
export const ZGitlabEventJob = z.object({
  eventId: z.number().int().positive(),
  attempt: z.number().int().min(0),
});
export type TGitlabEventJob = z.infer<typeof ZGitlabEventJob>;
export const gitlabEventJobId = (job: TGitlabEventJob) => `gitlab-event-${job.eventId}-${job.attempt}`;

/** A resync of one GitLab integration: at most one waiting per integration. */
export const ZGitlabSyncJob = z.object({ integrationId: z.string().min(1) });
export type TGitlabSyncJob = z.infer<typeof ZGitlabSyncJob>;
export const gitlabSyncJobId = (job: TGitlabSyncJob) => `gitlab-sync-${job.integrationId}`;

const holder = globalThis as unknown as {
  taoQueues?: {
    deploy?: Queue<TDeployJob>;
    gitlabEvents?: Queue<TGitlabEventJob>;
    gitlabSync?: Queue<TGitlabSyncJob>;
  };
};

export function deployQueue(): Queue<TDeployJob> {
  holder.taoQueues ??= {};
  holder.taoQueues.deploy ??= new Queue<TDeployJob>(QUEUES.deploy, {
    connection: createCommandConnection("queue-producer"),
    defaultJobOptions: {
      // The task row records the outcome; the job only carries the work.
      removeOnComplete: true,
      removeOnFail: true,
      attempts: 1,
    },
  });
  return holder.taoQueues.deploy;
}

export async function enqueueTask(taskId: number): Promise<void> {
  const data = ZDeployJob.parse({ taskId });
  await deployQueue().add("deploy", data, { jobId: deployJobId(taskId) });
}

function gitlabQueue<T>(name: string): Queue<T> {
  return new Queue<T>(name, {
    connection: createCommandConnection("queue-producer"),
    // The event row records the outcome; failed jobs are retried by reprocessing the event.
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true, attempts: 1 },
  });
}

export async function enqueueGitlabEvent(job: TGitlabEventJob): Promise<void> {
  const data = ZGitlabEventJob.parse(job);
  holder.taoQueues ??= {};
  holder.taoQueues.gitlabEvents ??= gitlabQueue<TGitlabEventJob>(QUEUES.gitlabEvents);
  await holder.taoQueues.gitlabEvents.add("event", data, { jobId: gitlabEventJobId(data) });
}

export async function enqueueGitlabSync(job: TGitlabSyncJob): Promise<void> {
  const data = ZGitlabSyncJob.parse(job);
  holder.taoQueues ??= {};
  holder.taoQueues.gitlabSync ??= gitlabQueue<TGitlabSyncJob>(QUEUES.gitlabSync);
  await holder.taoQueues.gitlabSync.add("sync", data, { jobId: gitlabSyncJobId(data) });
}

// ── TAPD ──

/** A TAPD sync run, from the schedule or the "sync now" button; `full` ignores the cursors. */
export const ZTapdSyncJob = z.object({
  trigger: z.enum(["schedule", "manual"]),
  full: z.boolean().default(false),
  requestedBy: z.string().max(200).default(""),
});
export type TTapdSyncJob = z.infer<typeof ZTapdSyncJob>;
/** The repeatable job's scheduler id; a manual run waits under one fixed id (pressing twice = once). */
export const TAPD_SCHEDULER_ID = "tapd-sync";
export const TAPD_MANUAL_JOB_ID = "tapd-sync-manual";

const tapdHolder = globalThis as unknown as { taoTapdQueue?: Queue<TTapdSyncJob> };

export function tapdQueue(): Queue<TTapdSyncJob> {
  tapdHolder.taoTapdQueue ??= new Queue<TTapdSyncJob>(QUEUES.tapd, {
    connection: createCommandConnection("queue-producer"),
    // The TapdSyncRun row records the outcome; the next run retries what failed.
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true, attempts: 1 },
  });
  return tapdHolder.taoTapdQueue;
}
