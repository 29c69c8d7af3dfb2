import fs from "node:fs";
import path from "node:path";
import { POST as webhook } from "@/app/api/v1/gitlab/webhook/route";
import { db } from "@/lib/db";

// Shared by the GitLab tests: the protocol samples, a delivery through the real route handler, and
// waiting for the worker to handle an event.

export const SAMPLES_DIR = path.resolve(__dirname, "../fixtures/protocols/gitlab");

export function sample(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, name), "utf8")) as Record<string, unknown>;
}

export const clone = <T>(v: T): T => structuredClone(v);

export type DeliveryOptions = {
  event?: string;
  token?: string | null;
  idempotencyKey?: string;
  webhookUuid?: string;
  headers?: Record<string, string>;
};

/** Sends a body to POST /api/v1/gitlab/webhook as GitLab would. */
export async function deliver(body: unknown, opts: DeliveryOptions & { secret: string }) {
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  if (opts.event) headers["x-gitlab-event"] = opts.event;
  const token = opts.token === undefined ? opts.secret : opts.token;
  if (token !== null) headers["x-gitlab-token"] = token;
  if (opts.idempotencyKey) headers["idempotency-key"] = opts.idempotencyKey;
  if (opts.webhookUuid) headers["x-gitlab-webhook-uuid"] = opts.webhookUuid;
  const res = await webhook(
    new Request("http://tao.test/api/v1/gitlab/webhook", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  return {
    status: res.status,
    body: (await res.json()) as { id?: number; status?: string; error?: { message: string } },
  };
}

export async function waitForEvent(
  id: number,
  statuses = ["handled", "failed", "ignored"],
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.gitlabEvent.findUniqueOrThrow({ where: { id } });
    if (statuses.includes(row.status)) return row;
    if (Date.now() > deadline)
      throw new Error(`event ${id} is ${row.status}, expected ${statuses.join("|")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
