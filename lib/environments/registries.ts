import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { encryptSecret } from "@/lib/secrets/cipher";

export const REGISTRY_SECRET_CONTEXT = "registry.password";

export const ZRegistryInput = z.object({
  name: z.string().trim().min(1).max(80),
  url: z
    .string()
    .trim()
    .regex(
      /^([a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?|\[[0-9a-fA-F:]+\])(:[0-9]{1,5})?$/,
      "host[:port], e.g. harbor.local or 127.0.0.1:5005",
    ),
  username: z.string().trim().max(255).default(""),
  /** Empty on update keeps the stored password. */
  password: z.string().max(4096).optional(),
});
export type TRegistryInput = z.input<typeof ZRegistryInput>;

function columns(data: z.output<typeof ZRegistryInput>) {
  const { password, ...rest } = data;
  return { ...rest, ...(password ? { passwordEnc: encryptSecret(password, REGISTRY_SECRET_CONTEXT) } : {}) };
}

export async function listRegistries() {
  const rows = await db.registry.findMany({ orderBy: { name: "asc" }, omit: { passwordEnc: false } });
  return rows.map(({ passwordEnc, ...r }) => ({ ...r, passwordSet: passwordEnc !== "" }));
}

export async function createRegistry(actor: AuditActor, input: TRegistryInput) {
  const data = ZRegistryInput.parse(input);
  const row = await db.registry.create({ data: columns(data) });
  await writeAudit(actor, {
    action: "registry.create",
    targetType: "registry",
    targetId: row.id,
    detail: data,
  });
  return row;
}

export async function updateRegistry(actor: AuditActor, id: string, input: TRegistryInput) {
  const data = ZRegistryInput.parse(input);
  if (!(await db.registry.findUnique({ where: { id }, select: { id: true } })))
    throw new NotFoundError("Registry");
  const row = await db.registry.update({ where: { id }, data: columns(data) });
  await writeAudit(actor, { action: "registry.update", targetType: "registry", targetId: id, detail: data });
  return row;
}

export async function deleteRegistry(actor: AuditActor, id: string) {
  const row = await db.registry.findUnique({
    where: { id },
    include: { environments: { select: { name: true } } },
  });
  if (!row) throw new NotFoundError("Registry");
  if (row.environments.length > 0) {
    throw new ConflictError(`"${row.name}" is used by ${row.environments.map((e) => e.name).join(", ")}`);
  }
  await db.registry.delete({ where: { id } });
  await writeAudit(actor, {
    action: "registry.delete",
    targetType: "registry",
    targetId: id,
    detail: { name: row.name },
  });
}
