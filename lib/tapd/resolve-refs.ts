import { db } from "@/lib/db";
import { isLongTapdId, longTapdId, type TapdRef } from "./refs";

/**
 * Long ids for refs written with TAPD's short ids: tried in the workspaces mapped to the product (all
 * known workspaces when none is mapped); the candidate that was synced wins, else the first one.
 * Refs that cannot be placed in any workspace are dropped.
 */
export async function resolveRefs(refs: TapdRef[], productId: string | null): Promise<TapdRef[]> {
  if (refs.length === 0) return [];
  const mapped = productId
    ? await db.tapdWorkspace.findMany({ where: { productId }, select: { id: true }, orderBy: { id: "asc" } })
    : [];
  const workspaces = (
    mapped.length ? mapped : await db.tapdWorkspace.findMany({ select: { id: true }, orderBy: { id: "asc" } })
  ).map((w) => w.id);
  const out: TapdRef[] = [];
  for (const ref of refs) {
    if (isLongTapdId(ref.id)) {
      out.push(ref);
      continue;
    }
    const candidates = workspaces.map((w) => longTapdId(ref.id, w));
    if (candidates.length === 0) continue;
    const where = { id: { in: candidates } };
    const found =
      ref.type === "story"
        ? await db.tapdStory.findFirst({ where, select: { id: true } })
        : await db.tapdBug.findFirst({ where, select: { id: true } });
    out.push({ type: ref.type, id: found?.id ?? candidates[0]! });
  }
  return out;
}
