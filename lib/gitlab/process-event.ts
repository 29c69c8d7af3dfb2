import { ZodError } from "zod";
import { db } from "@/lib/db";
import { DEFAULT_TEMPLATES } from "./handlers/context";
import { handlers } from "./handlers/index";
import { HANDLERS, type THandlerName } from "./route-event";

// Handles one stored event in the worker. The claim is one conditional update (queued → processing
// for this attempt), so a duplicate job or a second worker does nothing: every event is handled once
// per (re)processing. A handler's failure is recorded on the event, which stays reprocessable.

export type TProcessOutcome = "handled" | "failed" | "skipped";

export function describeError(err: unknown): string {
  if (err instanceof ZodError) {
    const issues = err.issues.slice(0, 5).map((i) => `${i.path.join(".") || "payload"}: ${i.message}`);
    return `The payload does not have the expected shape — ${issues.join("; ")}`;
  }
  const message = err instanceof Error ? err.message : String(err);
  // Prisma prefixes a code excerpt ("Invalid `db.x()` invocation in …"); its last line is the cause.
  const lines = message.split("\n").filter((l) => l.trim());
  return (message.includes("invocation in") ? (lines.at(-1) ?? message) : message).trim().slice(0, 2000);
}

// SQLite answers "database is locked" when the web server's writes and the worker's collide inside
// a transaction; handlers are idempotent (upserts), so they are simply run again.
const TRANSIENT = /database is locked|SQLITE_BUSY|Operation has timed out/i;
const RETRY_DELAYS_MS = [100, 400, 1600, 5000, 10_000];

async function withRetries<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !TRANSIENT.test(String((err as Error)?.message ?? err))) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

export async function processEvent(eventId: number, attempt: number): Promise<TProcessOutcome> {
  const claimed = await db.gitlabEvent.updateMany({
    where: { id: eventId, status: "queued", attempts: attempt },
    data: { status: "processing", attempts: { increment: 1 }, handledAt: new Date() },
  });
  if (claimed.count === 0) return "skipped";
  const row = await db.gitlabEvent.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      handler: true,
      payload: true,
      receivedAt: true,
      integration: { select: { branchTagTemplate: true, tagTagTemplate: true } },
    },
  });
  try {
    if (!(HANDLERS as readonly string[]).includes(row.handler))
      throw new Error(`No handler "${row.handler}"`);
    const payload: unknown = JSON.parse(row.payload);
    const result = await withRetries(() =>
      handlers[row.handler as THandlerName](payload, {
        eventId,
        receivedAt: row.receivedAt,
        templates: row.integration ?? DEFAULT_TEMPLATES,
      }),
    );
    await db.gitlabEvent.update({
      where: { id: eventId },
      data: { status: "handled", result: result.slice(0, 2000), error: "", handledAt: new Date() },
    });
    return "handled";
  } catch (err) {
    await db.gitlabEvent.update({
      where: { id: eventId },
      data: { status: "failed", error: describeError(err), result: "", handledAt: new Date() },
    });
    return "failed";
  }
}
