import { TAPD_MANUAL_JOB_ID, TAPD_SCHEDULER_ID, tapdQueue, ZTapdSyncJob } from "@/lib/jobs/queues";
import { getTapdSettings } from "./settings";

// The repeatable sync job follows the settings: every `intervalMinutes` while enabled, none otherwise.
// Called when the worker starts and whenever the settings are saved.

export async function applyTapdSchedule(): Promise<{ everyMinutes: number | null }> {
  const s = await getTapdSettings();
  const queue = tapdQueue();
  if (!s.enabled || !s.apiUser || !s.passwordSet) {
    await queue.removeJobScheduler(TAPD_SCHEDULER_ID);
    return { everyMinutes: null };
  }
  await queue.upsertJobScheduler(
    TAPD_SCHEDULER_ID,
    { every: s.intervalMinutes * 60_000 },
    {
      name: "sync",
      data: ZTapdSyncJob.parse({ trigger: "schedule" }),
      opts: { removeOnComplete: true, removeOnFail: true, attempts: 1 },
    },
  );
  return { everyMinutes: s.intervalMinutes };
}

/** "Sync now": queues a run unless a manual one is already waiting or running (pressing twice = once). */
export async function requestTapdSync(input: {
  full?: boolean;
  requestedBy: string;
}): Promise<{ queued: boolean }> {
  const data = ZTapdSyncJob.parse({
    trigger: "manual",
    full: input.full ?? false,
    requestedBy: input.requestedBy,
  });
  const queue = tapdQueue();
  if (await queue.getJob(TAPD_MANUAL_JOB_ID)) return { queued: false };
  await queue.add("sync", data, { jobId: TAPD_MANUAL_JOB_ID });
  return { queued: true };
}
