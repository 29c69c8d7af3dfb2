import { createHash } from "node:crypto";

// One key per event, however often GitLab delivers it: Idempotency-Key (GitLab 17.4+, kept across
// retries and manual resends), else X-Gitlab-Webhook-UUID, else a hash of the event type and body.

export type TDeliveryIds = { idempotencyKey?: string | null; webhookUuid?: string | null };

const clean = (v: string | null | undefined) => (v ?? "").trim().slice(0, 200);

export function dedupeKey(ids: TDeliveryIds, eventType: string, body: Buffer): string {
  const idem = clean(ids.idempotencyKey);
  if (idem) return `idem:${idem}`;
  const uuid = clean(ids.webhookUuid);
  if (uuid) return `uuid:${uuid}`;
  return `sha256:${createHash("sha256").update(eventType).update("\n").update(body).digest("hex")}`;
}
