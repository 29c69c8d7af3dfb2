import type { Redis } from "ioredis";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db";
import type { LogEntry } from "@/lib/deploy/deploy-log";
import { isoTimestamp } from "@/lib/deploy/timestamp";
import { FINISHED_STREAM_TTL_SECONDS, logStreamKey, streamId } from "./log-keys";

export type TaskLogLine = {
  seq: number;
  ts: string;
  host: string;
  component: string;
  stream: string;
  line: string;
};

const FLUSH_EVERY_MS = 250;
const FLUSH_AT_LINES = 500;

/**
 * Writes a task's log: every line is stamped, masked, appended to the task's Redis stream at once
 * (live viewers) and persisted to the database in batches (history that survives Redis). A Redis
 * failure loses no line: the database batch still gets it, and viewers fall back to reading it.
 */
export class TaskLogWriter {
  private pending: TaskLogLine[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private redisFailures = 0;
  private lastError: Error | undefined;

  private constructor(
    private readonly taskId: number,
    private readonly streamKey: string,
    private readonly redis: Redis,
    private seq: number,
    private mask: (line: string) => string,
    private readonly maxLen: number,
  ) {}

  /** Continues after the last persisted line, so a second writer (web, retry of a stall) never collides. */
  static async open(
    taskId: number,
    redis: Redis,
    mask: (line: string) => string = (l) => l,
  ): Promise<TaskLogWriter> {
    const task = await db.task.findUniqueOrThrow({
      where: { id: taskId },
      select: { id: true, createdAt: true },
    });
    const last = await db.taskLogLine.findFirst({
      where: { taskId },
      orderBy: { seq: "desc" },
      select: { seq: true },
    });
    return new TaskLogWriter(
      taskId,
      logStreamKey(task),
      redis,
      last?.seq ?? 0,
      mask,
      env().TAO_LOG_STREAM_MAXLEN,
    );
  }

  setMask(mask: (line: string) => string): void {
    this.mask = mask;
  }

  write(entry: LogEntry): void {
    this.seq += 1;
    const line: TaskLogLine = {
      seq: this.seq,
      ts: isoTimestamp(),
      host: entry.host ?? "",
      component: entry.component ?? "",
      stream: entry.stream,
      line: this.mask(entry.line).slice(0, 16_384),
    };
    this.pending.push(line);
    this.redis
      .xadd(this.streamKey, "MAXLEN", "~", this.maxLen, streamId(line.seq), "d", JSON.stringify(line))
      .catch(() => {
        this.redisFailures += 1;
      });
    if (this.pending.length >= FLUSH_AT_LINES) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  /**
   * Persists pending lines; batches are written one after another, in order. A failed batch (the
   * database busy for longer than its timeout) goes back in front of the queue and is tried again.
   */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      try {
        await db.taskLogLine.createMany({ data: batch.map((l) => ({ ...l, taskId: this.taskId })) });
      } catch (err) {
        this.pending = [...batch, ...this.pending];
        this.lastError = err as Error;
        this.timer ??= setTimeout(() => void this.flush(), 1000);
      }
    });
    return this.flushing;
  }

  /** Waits until every line written so far is in the database (a few attempts), or throws. */
  async persistAll(): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      await this.flush();
      if (this.pending.length === 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`task ${this.taskId}: log lines could not be saved: ${this.lastError?.message}`);
  }

  /** Flushes everything, then marks the stream finished for live viewers. */
  async finish(status: string, error = ""): Promise<void> {
    await this.persistAll();
    const key = this.streamKey;
    try {
      await this.redis.xadd(key, streamId(this.seq + 1), "end", JSON.stringify({ status, error }));
      await this.redis.expire(key, FINISHED_STREAM_TTL_SECONDS);
    } catch {
      // Viewers also learn the end from the database.
    }
  }

  get lastSeq(): number {
    return this.seq;
  }

  get droppedLiveLines(): number {
    return this.redisFailures;
  }
}
