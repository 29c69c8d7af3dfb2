import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { ZContainerCli, ZHostAuthMethod } from "@/lib/domain/enums";
import { ZComponentName, ZHostAddress, ZSshUser } from "@/lib/domain/names";
import { BadRequestError, ConflictError, NotFoundError } from "@/lib/errors";
import { encryptSecret } from "@/lib/secrets/cipher";

export const HOST_SECRET_CONTEXT = "host.secret";

export const ZHostInput = z.object({
  environmentId: z.string().min(1),
  name: z.string().trim().min(1).max(120),
  address: ZHostAddress,
  port: z.number().int().min(1).max(65535).default(22),
  username: ZSshUser,
  authMethod: ZHostAuthMethod.default("password"),
  /** Password or private key (PEM). Empty on update keeps the stored one. */
  secret: z.string().max(16_384).optional(),
  containerCli: ZContainerCli.default("docker"),
  components: z.array(ZComponentName).default([]),
});
export type THostInput = z.input<typeof ZHostInput>;

function secretColumn(data: z.output<typeof ZHostInput>) {
  if (data.secret && data.authMethod === "key" && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(data.secret)) {
    throw new BadRequestError(
      "secret: paste the private key in PEM/OpenSSH format (-----BEGIN … PRIVATE KEY-----)",
    );
  }
  return data.secret ? { secretEnc: encryptSecret(data.secret, HOST_SECRET_CONTEXT) } : {};
}

function columns(data: z.output<typeof ZHostInput>) {
  const { secret: _secret, components, ...rest } = data;
  return { ...rest, components: components.join(","), ...secretColumn(data) };
}

/** Hosts as the UI sees them: no secret, only whether one is set. */
export async function listHosts(environmentId?: string) {
  const rows = await db.host.findMany({
    where: environmentId ? { environmentId } : {},
    orderBy: [{ environmentId: "asc" }, { name: "asc" }],
    omit: { secretEnc: false },
  });
  return rows.map(({ secretEnc, ...h }) => ({
    ...h,
    secretSet: secretEnc !== "",
    components: splitList(h.components),
  }));
}

export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function createHost(actor: AuditActor, input: THostInput) {
  const data = ZHostInput.parse(input);
  if (!data.secret)
    throw new BadRequestError(
      `secret: a ${data.authMethod === "key" ? "private key" : "password"} is required`,
    );
  const row = await db.host.create({ data: columns(data) });
  await writeAudit(actor, { action: "host.create", targetType: "host", targetId: row.id, detail: data });
  return row;
}

export async function updateHost(actor: AuditActor, id: string, input: THostInput) {
  const data = ZHostInput.parse(input);
  const before = await db.host.findUnique({ where: { id } });
  if (!before) throw new NotFoundError("Host");
  if (before.authMethod !== data.authMethod && !data.secret) {
    throw new BadRequestError(
      `secret: switching to ${data.authMethod === "key" ? "a private key" : "a password"} needs the new one`,
    );
  }
  // A new address or port is a different machine: its host key must be learned again.
  const moved = before.address !== data.address || before.port !== data.port;
  const row = await db.host.update({
    where: { id },
    data: { ...columns(data), ...(moved ? { hostKeyFingerprint: null } : {}) },
  });
  await writeAudit(actor, { action: "host.update", targetType: "host", targetId: id, detail: data });
  return row;
}

/** Forgets the pinned host key so the next connection records the new one (after a reinstall). */
export async function forgetHostKey(actor: AuditActor, id: string) {
  const row = await db.host.update({ where: { id }, data: { hostKeyFingerprint: null } });
  await writeAudit(actor, { action: "host.forget-key", targetType: "host", targetId: id });
  return row;
}

export async function deleteHost(actor: AuditActor, id: string) {
  const row = await db.host.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("Host");
  const running = await db.task.count({
    where: { environmentId: row.environmentId, status: { in: ["waiting", "running"] } },
  });
  if (running > 0)
    throw new ConflictError(
      `A deployment to this host's environment is waiting or running; try again when it ends`,
    );
  await db.host.delete({ where: { id } });
  await writeAudit(actor, {
    action: "host.delete",
    targetType: "host",
    targetId: id,
    detail: { name: row.name },
  });
}
