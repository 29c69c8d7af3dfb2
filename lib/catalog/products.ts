import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { ZDisplayName } from "@/lib/domain/names";
import { ConflictError, NotFoundError } from "@/lib/errors";

const ZGlobList = z
  .string()
  .trim()
  .max(500)
  .refine(
    (s) => s.split(",").every((g) => /^[A-Za-z0-9_.*?/-]+$/.test(g.trim())),
    "Comma separated globs like feature_*",
  );

export const ZProductInput = z.object({
  name: ZDisplayName,
  description: z.string().trim().max(2000).default(""),
  featurePatterns: ZGlobList.default("feature_*,feature/*"),
});
export type TProductInput = z.input<typeof ZProductInput>;

export function listProducts() {
  return db.product.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { components: true, releases: true, featureBranches: true } } },
  });
}

export async function getProduct(id: string) {
  const product = await db.product.findUnique({ where: { id } });
  if (!product) throw new NotFoundError("Product");
  return product;
}

export async function createProduct(actor: AuditActor, input: TProductInput) {
  const data = ZProductInput.parse(input);
  const product = await db.product.create({ data });
  await writeAudit(actor, {
    action: "product.create",
    targetType: "product",
    targetId: product.id,
    detail: data,
  });
  return product;
}

export async function updateProduct(actor: AuditActor, id: string, input: TProductInput) {
  const data = ZProductInput.parse(input);
  await getProduct(id);
  const product = await db.product.update({ where: { id }, data });
  await writeAudit(actor, { action: "product.update", targetType: "product", targetId: id, detail: data });
  return product;
}

export async function deleteProduct(actor: AuditActor, id: string) {
  const product = await db.product.findUnique({
    where: { id },
    include: { _count: { select: { components: true, releases: true, featureBranches: true } } },
  });
  if (!product) throw new NotFoundError("Product");
  const { components, releases, featureBranches } = product._count;
  if (components + releases + featureBranches > 0) {
    throw new ConflictError(
      `"${product.name}" still has ${components} component(s), ${releases} release(s) and ${featureBranches} feature branch(es); delete those first`,
    );
  }
  await db.product.delete({ where: { id } });
  await writeAudit(actor, {
    action: "product.delete",
    targetType: "product",
    targetId: id,
    detail: { name: product.name },
  });
}
