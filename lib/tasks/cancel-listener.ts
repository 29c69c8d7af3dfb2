import type { Redis } from "ioredis";
import { db } from "@/lib/db";
import { CANCEL_CHANNEL } from "./log-keys";

const POLL_MS = 2000;

/**
 * The worker's ear for cancel requests: Redis pub/sub for speed, and a database poll as a safety net
 * (a message published while Redis reconnects is lost; the `cancelRequested` flag is not).
 */
export class CancelListener {
  private readonly running = new Map<number, AbortController>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly subscriber: Redis) {}

  async start(): Promise<void> {
    await this.subscriber.subscribe(CANCEL_CHANNEL);
    this.subscriber.on("message", (_channel, message) => this.running.get(Number(message))?.abort());
    this.timer = setInterval(() => void this.poll(), POLL_MS);
  }

  /** Registers a running task; the returned function unregisters it. */
  watch(taskId: number): { signal: AbortSignal; done: () => void } {
    const ctrl = new AbortController();
    this.running.set(taskId, ctrl);
    return { signal: ctrl.signal, done: () => this.running.delete(taskId) };
  }

  get size(): number {
    return this.running.size;
  }

  private async poll(): Promise<void> {
    if (this.running.size === 0) return;
    try {
      const flagged = await db.task.findMany({
        where: { id: { in: [...this.running.keys()] }, cancelRequested: true },
        select: { id: true },
      });
      for (const { id } of flagged) this.running.get(id)?.abort();
    } catch {
      // next poll
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.subscriber.quit().catch(() => undefined);
  }
}
