import { db } from "@/lib/db";
import { enqueueGitlabEvent } from "@/lib/jobs/queues";

// The worker's sweep: events stored while Redis was away (never queued), and events whose worker
// died while handling them, go back on the queue. Job ids make re-adding a queued job a no-op.

const QUEUED_GRACE_MS = 60_000;
const PROCESSING_TIMEOUT_MS = 5 * 60_000;
const BATCH = 500;

export async function requeueStaleEvents(now = new Date()): Promise<{ requeued: number; revived: number }> {
  const revived = await db.gitlabEvent.updateMany({
    where: { status: "processing", handledAt: { lt: new Date(now.getTime() - PROCESSING_TIMEOUT_MS) } },
    data: { status: "queued" },
  });
  const stale = await db.gitlabEvent.findMany({
    where: {
      status: "queued",
      receivedAt: { lt: new Date(now.getTime() - QUEUED_GRACE_MS) },
      OR: [{ handledAt: null }, { handledAt: { lt: new Date(now.getTime() - QUEUED_GRACE_MS) } }],
    },
    orderBy: { id: "asc" },
    take: BATCH,
    select: { id: true, attempts: true },
  });
  for (const e of stale) await enqueueGitlabEvent({ eventId: e.id, attempt: e.attempts });
  return { requeued: stale.length, revived: revived.count };
}
