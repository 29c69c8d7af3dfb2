import { db } from "@/lib/db";
import { iterationNames, selectWorkspaces } from "../dimensions";
import type { MetricContext } from "../metric";
import { selection } from "../params";
import { accepts } from "../selection";
import { type BugTimeline, bugTimeline, type StatusChange } from "./bug-timeline";

// The bugs a TAPD metric looks at: those of the selected products' workspaces, reported against the
// selected versions, created before the range ends, each with its status timeline.
// A bug's version is the version it was reported against (version_report, like the original), else
// the name of its iteration (= the release it is planned for); "(none)" when it has neither.

export const NO_VERSION = "(none)";

export type LoadedBug = BugTimeline & { product: string; version: string };

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

export async function loadBugs(ctx: MetricContext): Promise<LoadedBug[]> {
  const { params, buckets } = ctx;
  const workspaces = await selectWorkspaces(selection(params, "product"));
  const ids = [...workspaces.keys()];
  if (!ids.length) return [];
  const end = new Date((buckets.first + buckets.count * buckets.step) * 1000);
  const iterations = await iterationNames(ids);
  const rows = await db.tapdBug.findMany({
    where: { workspaceId: { in: ids }, OR: [{ created: null }, { created: { lt: end } }] },
    select: {
      id: true,
      workspaceId: true,
      status: true,
      versionReport: true,
      iterationId: true,
      created: true,
      resolved: true,
      closed: true,
    },
  });
  const versionSel = selection(params, "version");
  const bugs = new Map<string, (typeof rows)[number] & { version: string }>();
  for (const row of rows) {
    const version =
      row.versionReport.trim() ||
      (row.iterationId ? iterations.get(row.iterationId) : undefined) ||
      NO_VERSION;
    if (accepts(versionSel, version)) bugs.set(row.id, { ...row, version });
  }
  const changes = await db.tapdChange.findMany({
    // all of it, also after the range: a bug's status before its first change is that change's "before"
    where: { entityType: "bug", field: "status", workspaceId: { in: ids } },
    select: { entityId: true, changedAt: true, before: true, after: true },
    orderBy: { changedAt: "asc" },
  });
  const history = new Map<string, StatusChange[]>();
  for (const c of changes) {
    if (!bugs.has(c.entityId)) continue;
    const list = history.get(c.entityId) ?? [];
    history.set(c.entityId, list);
    list.push({ at: seconds(c.changedAt)!, before: c.before, after: c.after });
  }
  return [...bugs.values()].map((b) => ({
    ...bugTimeline(
      {
        status: b.status,
        created: seconds(b.created),
        resolved: seconds(b.resolved),
        closed: seconds(b.closed),
      },
      history.get(b.id) ?? [],
    ),
    product: workspaces.get(b.workspaceId)!,
    version: b.version,
  }));
}
