import { Queue } from "bullmq";
import { z } from "zod";
import { createCommandConnection } from "@/lib/redis";

// Every BullMQ queue tao uses: its name, its job payload schema and how job ids are derived.

export const QUEUES = { deploy: "tao-deploy" } as const;

export const ZDeployJob = z.object({ taskId: z.number().int().positive() });
export type TDeployJob = z.infer<typeof ZDeployJob>;

/** One job per task: adding the same task twice while its job exists is a no-op. */
export const deployJobId = (taskId: number) => `task-${taskId}`;

const holder = globalThis as unknown as { taoQueues?: { deploy?: Queue<TDeployJob> } };

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
