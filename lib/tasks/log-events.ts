import type { Redis } from "ioredis";
import { db } from "@/lib/db";
import { FINAL_TASK_STATUSES, type TTaskStatus } from "@/lib/domain/enums";
import { NotFoundError } from "@/lib/errors";
import { logStreamKey, seqOf, streamId } from "./log-keys";
import type { TaskLogLine } from "./log-writer";

export type LogEvent =
  | { type: "line"; line: TaskLogLine }
  | { type: "status"; status: TTaskStatus }
  | { type: "end"; status: TTaskStatus; error: string }
  | { type: "ping" };

const PAGE = 1000;
const BLOCK_MS = 5000;

/**
 * A task's log as a sequence of events: every line after `afterSeq` in order, without gaps or
 * duplicates, then live lines as the worker writes them, then the final status. Lines come from the
 * database (history, and whatever Redis lost) and from the task's Redis stream (live).
 */
export async function* taskLogEvents(taskId: number, afterSeq: number, blocking: Redis, signal: AbortSignal) {
  let last = afterSeq;
  let lastStatus: TTaskStatus | undefined;
  while (!signal.aborted) {
    // Status first: a final status means every line is already in the database.
    const task = await db.task.findUnique({
      where: { id: taskId },
      select: { id: true, createdAt: true, status: true, error: true },
    });
    if (!task) throw new NotFoundError("Task");
    const status = task.status as TTaskStatus;
    if (status !== lastStatus) {
      lastStatus = status;
      yield { type: "status", status } satisfies LogEvent;
    }
    for (;;) {
      const rows = await db.taskLogLine.findMany({
        where: { taskId, seq: { gt: last } },
        orderBy: { seq: "asc" },
        take: PAGE,
      });
      for (const row of rows) {
        last = row.seq;
        yield { type: "line", line: strip(row) } satisfies LogEvent;
      }
      if (rows.length < PAGE) break;
    }
    if (FINAL_TASK_STATUSES.includes(status)) {
      yield { type: "end", status, error: task.error } satisfies LogEvent;
      return;
    }
    // Live: block on the stream until new lines arrive (or a timeout, to re-check the status).
    let entries: [string, string[]][] = [];
    try {
      const res = await blocking.xread(
        "COUNT",
        PAGE,
        "BLOCK",
        BLOCK_MS,
        "STREAMS",
        logStreamKey(task),
        streamId(last),
      );
      entries = res?.[0]?.[1] ?? [];
    } catch {
      await new Promise((r) => setTimeout(r, 1000)); // Redis away: the database loop above keeps going
      continue;
    }
    if (entries.length === 0) {
      yield { type: "ping" } satisfies LogEvent;
      continue;
    }
    for (const [id, fields] of entries) {
      const seq = seqOf(id);
      if (fields[0] !== "d") break; // the end marker: the next database pass ends the stream
      if (seq !== last + 1) break; // a gap (trimmed, or written while Redis was away): fill from the database
      last = seq;
      yield { type: "line", line: JSON.parse(fields[1]!) as TaskLogLine } satisfies LogEvent;
    }
  }
}

function strip(row: TaskLogLine & { taskId: number }): TaskLogLine {
  const { taskId: _taskId, ...line } = row;
  return line;
}

/** Server-Sent Events framing: line events carry their sequence number as the event id. */
export function formatSse(event: LogEvent): string {
  switch (event.type) {
    case "line":
      return `id: ${event.line.seq}\nevent: line\ndata: ${JSON.stringify(event.line)}\n\n`;
    case "status":
      return `event: status\ndata: ${JSON.stringify({ status: event.status })}\n\n`;
    case "end":
      return `event: end\ndata: ${JSON.stringify({ status: event.status, error: event.error })}\n\n`;
    case "ping":
      return ": ping\n\n";
  }
}
