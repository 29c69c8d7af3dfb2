import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { ZEnvironmentOverrides } from "@/lib/domain/run-options";
import { ConflictError, NotFoundError } from "@/lib/errors";

export const ZEnvironmentName = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/, "Letters, digits, '.', '_' or '-' (used in URLs and logs)");

export const ZEnvironmentInput = z.object({
  name: ZEnvironmentName,
  description: z.string().trim().max(2000).default(""),
  protected: z.boolean().default(false),
  dnsDomain: z
    .string()
    .trim()
    .regex(
      /^([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*)?$/,
      "A DNS domain",
    )
    .default(""),
  registryId: z.string().min(1).nullable().default(null),
  overrides: ZEnvironmentOverrides.default({}),
});
export type TEnvironmentInput = z.input<typeof ZEnvironmentInput>;

const toRow = (data: z.output<typeof ZEnvironmentInput>) => ({
  ...data,
  overrides: JSON.stringify(data.overrides),
});

export function parseEnvironment<T extends { overrides: string }>(row: T) {
  return { ...row, overrides: ZEnvironmentOverrides.parse(JSON.parse(row.overrides)) };
}

export async function listEnvironments() {
  const rows = await db.environment.findMany({
    orderBy: { name: "asc" },
    include: {
      registry: { select: { id: true, name: true } },
      hosts: { orderBy: { name: "asc" } },
      _count: { select: { tasks: true } },
    },
  });
  return rows.map(parseEnvironment);
}

export async function getEnvironment(id: string) {
  const row = await db.environment.findUnique({
    where: { id },
    include: {
      registry: { select: { id: true, name: true, url: true } },
      hosts: { orderBy: { name: "asc" } },
    },
  });
  if (!row) throw new NotFoundError("Environment");
  return parseEnvironment(row);
}

export async function createEnvironment(actor: AuditActor, input: TEnvironmentInput) {
  const data = ZEnvironmentInput.parse(input);
  const row = await db.environment.create({ data: toRow(data) });
  await writeAudit(actor, {
    action: "environment.create",
    targetType: "environment",
    targetId: row.id,
    detail: data,
  });
  return parseEnvironment(row);
}

export async function updateEnvironment(actor: AuditActor, id: string, input: TEnvironmentInput) {
  const data = ZEnvironmentInput.parse(input);
  await getEnvironment(id);
  const row = await db.environment.update({ where: { id }, data: toRow(data) });
  await writeAudit(actor, {
    action: "environment.update",
    targetType: "environment",
    targetId: id,
    detail: data,
  });
  return parseEnvironment(row);
}

export async function deleteEnvironment(actor: AuditActor, id: string) {
  const row = await db.environment.findUnique({
    where: { id },
    include: { _count: { select: { hosts: true, tasks: true } } },
  });
  if (!row) throw new NotFoundError("Environment");
  if (row._count.hosts > 0)
    throw new ConflictError(`"${row.name}" still has ${row._count.hosts} host(s); remove them first`);
  if (row._count.tasks > 0) {
    throw new ConflictError(
      `"${row.name}" has a history of ${row._count.tasks} deployment task(s) and is kept for the record`,
    );
  }
  await db.environment.delete({ where: { id } });
  await writeAudit(actor, {
    action: "environment.delete",
    targetType: "environment",
    targetId: id,
    detail: { name: row.name },
  });
}
