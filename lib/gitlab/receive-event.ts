import { db } from "@/lib/db";
import { BadRequestError } from "@/lib/errors";
import { enqueueGitlabEvent } from "@/lib/jobs/queues";
import { storedInstant } from "@/lib/stored-instant";
import { dedupeKey } from "./dedupe-key";
import { ZEventHead } from "./payloads";
import { describeEvent, handlerFor, kindOf } from "./route-event";

// The webhook's work: the raw event is stored first (once per dedupe key), then queued for the
// worker. A queueing failure is not the sender's problem: the event is stored, and the worker's
// sweep (requeue-events.ts) picks up what was not queued.

export type TDelivery = {
  integrationId: string;
  eventType: string;
  idempotencyKey?: string | null;
  webhookUuid?: string | null;
  eventUuid?: string | null;
  instance?: string | null;
};

export type TReceived = { id: number; status: "queued" | "ignored" | "duplicate" };

const ENQUEUE_TIMEOUT_MS = 2_000;

function parseBody(body: Buffer): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw new BadRequestError("The body is not valid JSON");
  }
  if (!json || typeof json !== "object" || Array.isArray(json))
    throw new BadRequestError("The body must be a JSON object");
  return json as Record<string, unknown>;
}

export async function receiveEvent(delivery: TDelivery, body: Buffer): Promise<TReceived> {
  const json = parseBody(body);
  const parsed = ZEventHead.safeParse(json);
  const head = parsed.success ? parsed.data : {};
  const handler = handlerFor(head);
  const kind = kindOf(head).slice(0, 100);
  const { projectPath, ref } = describeEvent(head);
  const now = storedInstant(new Date());
  // One statement stores the event or, for a delivery seen before, counts the duplicate: the
  // hottest write tao has, written in SQL because Prisma's create costs ~4× the CPU here.
  const [row] = await db.$queryRaw<{ id: number | bigint; duplicates: number | bigint }[]>`
    INSERT INTO "GitlabEvent" ("receivedAt", "integrationId", "eventType", "objectKind", "handler",
      "dedupeKey", "eventUuid", "instance", "projectPath", "ref", "payload", "payloadBytes", "status",
      "result", "handledAt")
    VALUES (${now}, ${delivery.integrationId}, ${delivery.eventType.slice(0, 100)}, ${kind}, ${handler ?? ""},
      ${dedupeKey(delivery, delivery.eventType, body)}, ${(delivery.eventUuid ?? "").slice(0, 100)},
      ${(delivery.instance ?? "").slice(0, 500)}, ${projectPath}, ${ref}, ${body.toString("utf8")},
      ${body.byteLength}, ${handler ? "queued" : "ignored"},
      ${handler ? "" : `tao does not handle ${kind || "these"} events`}, ${handler ? null : now})
    ON CONFLICT ("dedupeKey") DO UPDATE SET "duplicates" = "duplicates" + 1
    RETURNING "id", "duplicates"`;
  if (!row) throw new Error("The event was not stored");
  const id = Number(row.id);
  if (Number(row.duplicates) > 0) return { id, status: "duplicate" };
  if (!handler) return { id, status: "ignored" };
  await enqueueWithin({ eventId: id, attempt: 0 }, ENQUEUE_TIMEOUT_MS);
  return { id, status: "queued" };
}

async function enqueueWithin(job: { eventId: number; attempt: number }, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      enqueueGitlabEvent(job),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`queueing took longer than ${ms} ms`)), ms);
      }),
    ]);
  } catch (err) {
    console.warn(`[tao] gitlab event ${job.eventId} stored but not queued: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
