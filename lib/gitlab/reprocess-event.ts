import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { BadRequestError, ConflictError, NotFoundError } from "@/lib/errors";
import { enqueueGitlabEvent } from "@/lib/jobs/queues";
import { ZEventHead } from "./payloads";
import { handlerFor, kindOf } from "./route-event";

/**
 * Puts a stored event back on the queue (after a failure, or to apply it again). Routing is decided
 * again from the payload, so an event ignored by an older tao is handled once tao knows it.
 */
export async function reprocessEvent(actor: AuditActor, id: number) {
  const row = await db.gitlabEvent.findUnique({
    where: { id },
    select: { id: true, status: true, payload: true, attempts: true },
  });
  if (!row) throw new NotFoundError("GitLab event");
  if (row.status === "processing") throw new ConflictError("The event is being handled right now");
  const parsed = ZEventHead.safeParse(JSON.parse(row.payload));
  const head = parsed.success ? parsed.data : {};
  const handler = handlerFor(head);
  if (!handler) throw new BadRequestError(`tao does not handle ${kindOf(head) || "these"} events`);
  const updated = await db.gitlabEvent.updateMany({
    where: { id, status: { not: "processing" } },
    data: { status: "queued", handler, error: "", result: "" },
  });
  if (updated.count === 0) throw new ConflictError("The event is being handled right now");
  await enqueueGitlabEvent({ eventId: id, attempt: row.attempts });
  await writeAudit(actor, { action: "gitlab.reprocess", targetType: "gitlabEvent", targetId: id });
  return { id, status: "queued" as const };
}
