import { z } from "zod";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export const EVENT_STATUSES = ["queued", "processing", "handled", "ignored", "failed"] as const;
export const ZEventStatus = z.enum(EVENT_STATUSES);
export type TEventStatus = z.infer<typeof ZEventStatus>;

export const ZEventListQuery = z.object({
  status: ZEventStatus.optional(),
  eventType: z.string().trim().max(100).optional(),
  project: z.string().trim().max(500).optional(),
  ref: z.string().trim().max(255).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TEventListQuery = z.input<typeof ZEventListQuery>;

const listSelect = {
  id: true,
  receivedAt: true,
  eventType: true,
  objectKind: true,
  handler: true,
  projectPath: true,
  ref: true,
  payloadBytes: true,
  status: true,
  attempts: true,
  duplicates: true,
  error: true,
  result: true,
  handledAt: true,
} as const;

/** Events newest first, without their payloads. */
export async function listEvents(input: TEventListQuery) {
  const q = ZEventListQuery.parse(input);
  const where = {
    ...(q.status ? { status: q.status } : {}),
    ...(q.eventType ? { eventType: q.eventType } : {}),
    ...(q.project ? { projectPath: { contains: q.project } } : {}),
    ...(q.ref ? { ref: q.ref } : {}),
  };
  const [total, items] = await Promise.all([
    db.gitlabEvent.count({ where }),
    db.gitlabEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: listSelect,
    }),
  ]);
  return { total, page: q.page, pageSize: q.pageSize, items };
}

/** The event types seen so far, for the filter. */
export async function eventTypes(): Promise<string[]> {
  const rows = await db.gitlabEvent.findMany({
    distinct: ["eventType"],
    select: { eventType: true },
    orderBy: { eventType: "asc" },
  });
  return rows.map((r) => r.eventType);
}

/** One event with its raw payload and delivery ids (the webhook secret is never stored). */
export async function getEvent(id: number) {
  const row = await db.gitlabEvent.findUnique({
    where: { id },
    select: {
      ...listSelect,
      payload: true,
      dedupeKey: true,
      eventUuid: true,
      instance: true,
      integrationId: true,
    },
  });
  if (!row) throw new NotFoundError("GitLab event");
  return row;
}
