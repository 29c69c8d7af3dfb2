import type { Principal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

const SECRET_KEY_RE = /pass(word)?|secret|token|private.?key|credential/i;

/** Copies `detail` with every secret-looking field replaced, so the audit log never holds one. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_KEY_RE.test(k) ? (v ? "[set]" : "") : redactSecrets(v),
      ]),
    );
  }
  return value;
}

export type AuditEntry = {
  action: string; // noun.verb, e.g. environment.update
  targetType: string;
  targetId?: string | number;
  detail?: Record<string, unknown>;
};

export type AuditActor = Pick<Principal, "userId" | "username"> | { system: string };

export async function writeAudit(actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: "userId" in actor ? actor.userId : null,
      actorName: "userId" in actor ? actor.username : `system:${actor.system}`,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId === undefined ? "" : String(entry.targetId),
      detail: JSON.stringify(redactSecrets(entry.detail ?? {})),
    },
  });
}
