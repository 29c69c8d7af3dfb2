import { db } from "@/lib/db";
import { accepts, type Selection } from "./selection";

// The dimension tables a query narrows by name: products (and their TAPD workspaces), environments,
// components. They are small; the selection is applied in memory.

export type Named = { id: string; name: string };

export async function selectProducts(sel: Selection): Promise<Named[]> {
  const rows = await db.product.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  return rows.filter((p) => accepts(sel, p.name));
}

export async function selectEnvironments(sel: Selection): Promise<Named[]> {
  const rows = await db.environment.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  return rows.filter((e) => accepts(sel, e.name));
}

export async function selectComponents(
  sel: Selection,
  productIds?: string[],
): Promise<(Named & { productId: string })[]> {
  const rows = await db.component.findMany({
    where: productIds ? { productId: { in: productIds } } : {},
    select: { id: true, name: true, productId: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return rows.filter((c) => accepts(sel, c.name));
}

/** The TAPD workspaces mapped to the selected products: workspace id → product name. */
export async function selectWorkspaces(productSel: Selection): Promise<Map<string, string>> {
  const products = await selectProducts(productSel);
  const names = new Map(products.map((p) => [p.id, p.name]));
  const rows = await db.tapdWorkspace.findMany({
    where: { productId: { in: [...names.keys()] } },
    select: { id: true, productId: true },
  });
  return new Map(rows.map((w) => [w.id, names.get(w.productId!)!]));
}

/** Iteration names (= release versions) of the given workspaces: iteration id → name. */
export async function iterationNames(workspaceIds: string[]): Promise<Map<string, string>> {
  const rows = await db.tapdIteration.findMany({
    where: { workspaceId: { in: workspaceIds } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((i) => [i.id, i.name]));
}
