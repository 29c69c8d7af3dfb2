import { db } from "@/lib/db";
import { shortTapdId, type TapdEntityType } from "./refs";

// What a feature-branch card shows: its linked stories and bugs with their current TAPD status.

export type LinkedItem = {
  linkId: string;
  entityType: TapdEntityType;
  /** TAPD's long id (a string: beyond 2^53). */
  id: string;
  /** The id TAPD shows in its UI. */
  shortId: string;
  workspaceId: string | null;
  /** Story name or bug title; null until the item is synced. */
  title: string | null;
  status: string | null;
  /** The workspace's name for the status (status map), e.g. 已解决. */
  statusLabel: string | null;
  /** Whether TAPD's workflow counts it as finished (bug: resolved/verified/closed/rejected; story: resolved/rejected). */
  done: boolean;
  source: string;
  /** Link to the item in TAPD's web UI when tao talks to tapd.cn. */
  url: string | null;
};

const DONE: Record<TapdEntityType, string[]> = {
  bug: ["resolved", "verified", "closed", "rejected"],
  story: ["resolved", "rejected", "done"],
};

/** Linked items per feature branch id, in link order; branches without links map to []. */
export async function linkedItemsForFeatures(
  featureBranchIds: string[],
): Promise<Record<string, LinkedItem[]>> {
  const result: Record<string, LinkedItem[]> = Object.fromEntries(featureBranchIds.map((id) => [id, []]));
  if (featureBranchIds.length === 0) return result;
  const links = await db.tapdLink.findMany({
    where: { featureBranchId: { in: featureBranchIds } },
    orderBy: { createdAt: "asc" },
  });
  const ids = (type: string) => [
    ...new Set(links.filter((l) => l.entityType === type).map((l) => l.entityId)),
  ];
  const select = { id: true, workspaceId: true, status: true } as const;
  const [stories, bugs, settings] = await Promise.all([
    db.tapdStory.findMany({ where: { id: { in: ids("story") } }, select: { ...select, name: true } }),
    db.tapdBug.findMany({ where: { id: { in: ids("bug") } }, select: { ...select, title: true } }),
    db.tapdSettings.findUnique({ where: { id: 1 }, select: { baseUrl: true } }),
  ]);
  const items = new Map<string, { workspaceId: string; status: string; title: string }>();
  for (const s of stories) items.set(`story:${s.id}`, { ...s, title: s.name });
  for (const b of bugs) items.set(`bug:${b.id}`, b);
  const statuses = await db.tapdStatus.findMany({
    where: { workspaceId: { in: [...new Set([...items.values()].map((i) => i.workspaceId))] } },
  });
  const label = new Map(statuses.map((s) => [`${s.workspaceId}:${s.system}:${s.key}`, s.label]));
  const web = webBase(settings?.baseUrl);

  for (const link of links) {
    const type = link.entityType as TapdEntityType;
    const item = items.get(`${type}:${link.entityId}`);
    const workspaceId = item?.workspaceId ?? null;
    result[link.featureBranchId]?.push({
      linkId: link.id,
      entityType: type,
      id: link.entityId,
      shortId: workspaceId ? shortTapdId(link.entityId, workspaceId) : link.entityId,
      workspaceId,
      title: item?.title ?? null,
      status: item?.status ?? null,
      statusLabel: item ? (label.get(`${item.workspaceId}:${type}:${item.status}`) ?? null) : null,
      done: item ? DONE[type].includes(item.status) : false,
      source: link.source,
      url: web && workspaceId ? itemUrl(web, type, workspaceId, link.entityId) : null,
    });
  }
  return result;
}

function webBase(apiBase: string | undefined): string | null {
  return apiBase && /^https:\/\/api\.tapd\.cn\/?$/.test(apiBase) ? "https://www.tapd.cn" : null;
}

function itemUrl(web: string, type: TapdEntityType, workspaceId: string, id: string): string {
  return type === "story"
    ? `${web}/${workspaceId}/prong/stories/view/${id}`
    : `${web}/${workspaceId}/bugtrace/bugs/view?bug_id=${id}`;
}
