import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { ZLayer } from "@/lib/domain/enums";
import { ZHealthCheck } from "@/lib/domain/health-check";
import { ZRepository } from "@/lib/domain/image-ref";
import { ZComponentName } from "@/lib/domain/names";
import { ZRunOptions } from "@/lib/domain/run-options";
import { ConflictError, NotFoundError } from "@/lib/errors";

export const ZComponentInput = z.object({
  productId: z.string().min(1),
  name: ZComponentName,
  image: ZRepository,
  layer: ZLayer.default("app"),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  runOptions: ZRunOptions.default(ZRunOptions.parse({})),
  healthCheck: ZHealthCheck.default({ kind: "none" }),
  gitlabPath: z.string().trim().max(255).nullable().default(null),
});
export type TComponentInput = z.input<typeof ZComponentInput>;

function toRow(data: z.output<typeof ZComponentInput>) {
  return {
    ...data,
    runOptions: JSON.stringify(data.runOptions),
    healthCheck: JSON.stringify(data.healthCheck),
  };
}

/** A component row with its JSON columns parsed (and validated: a bad row fails loudly here). */
export function parseComponent<T extends { runOptions: string; healthCheck: string }>(row: T) {
  return {
    ...row,
    runOptions: ZRunOptions.parse(JSON.parse(row.runOptions)),
    healthCheck: ZHealthCheck.parse(JSON.parse(row.healthCheck)),
  };
}

export async function listComponents(productId?: string) {
  const rows = await db.component.findMany({
    where: productId ? { productId } : {},
    orderBy: [{ productId: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    include: { product: { select: { id: true, name: true } } },
  });
  return rows.map(parseComponent);
}

export async function createComponent(actor: AuditActor, input: TComponentInput) {
  const data = ZComponentInput.parse(input);
  const row = await db.component.create({ data: toRow(data) });
  await writeAudit(actor, {
    action: "component.create",
    targetType: "component",
    targetId: row.id,
    detail: data,
  });
  return parseComponent(row);
}

export async function updateComponent(actor: AuditActor, id: string, input: TComponentInput) {
  const data = ZComponentInput.parse(input);
  if (!(await db.component.findUnique({ where: { id }, select: { id: true } })))
    throw new NotFoundError("Component");
  const row = await db.component.update({ where: { id }, data: toRow(data) });
  await writeAudit(actor, {
    action: "component.update",
    targetType: "component",
    targetId: id,
    detail: data,
  });
  return parseComponent(row);
}

export async function deleteComponent(actor: AuditActor, id: string) {
  const row = await db.component.findUnique({
    where: { id },
    include: { _count: { select: { releaseItems: true, inventory: true } } },
  });
  if (!row) throw new NotFoundError("Component");
  if (row._count.releaseItems > 0) {
    throw new ConflictError(
      `"${row.name}" is part of ${row._count.releaseItems} release(s); remove it from them first`,
    );
  }
  if (row._count.inventory > 0) {
    throw new ConflictError(
      `"${row.name}" is deployed on ${row._count.inventory} host(s) according to the inventory`,
    );
  }
  await db.component.delete({ where: { id } });
  await writeAudit(actor, {
    action: "component.delete",
    targetType: "component",
    targetId: id,
    detail: { name: row.name },
  });
}
