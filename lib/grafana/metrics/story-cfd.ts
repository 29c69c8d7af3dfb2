import { db } from "@/lib/db";
import { bucketStart, isFuture } from "../buckets";
import type { Range } from "../cfd-pieces";
import { iterationNames, selectWorkspaces } from "../dimensions";
import type { SeriesMetric } from "../metric";
import { DIMENSIONS, selection } from "../params";
import { accepts, selectsAll } from "../selection";
import { cfdRows } from "../sql";

// Cumulative flow diagram: how many stories are in each status at the end of each bucket (now for the
// bucket in progress). Counted back from today: the stories' current statuses, minus the status changes
// after that time, minus the stories created after it (in the status they had before their first
// change). The flows come from the hourly counts the database keeps (lib/grafana/sql.ts), so a year by
// day reads tens of thousands of rows, not every change; the last point is exactly what TAPD shows now.
// Counts: an empty bucket is 0. Series are ordered for stacking, "done"-like statuses first (most often
// entered, least often left), and named by the status label from TAPD's status map.

export const storyCfd: SeriesMetric = {
  kind: "series",
  id: "tapd.stories.cfd",
  title: "Cumulative flow of stories",
  description: "Stories per status at the end of each bucket (stack them for a CFD)",
  unit: "short",
  valueName: "stories",
  empty: "zero",
  params: [DIMENSIONS.product, DIMENSIONS.version, DIMENSIONS.storyStatus],
  async series(ctx) {
    const b = ctx.buckets;
    const workspaces = await selectWorkspaces(selection(ctx.params, "product"));
    const workspaceIds = [...workspaces.keys()];
    if (!workspaceIds.length) return [];
    const versionSel = selection(ctx.params, "version");
    let iterationIds: string[] | undefined;
    if (!selectsAll(versionSel)) {
      const names = await iterationNames(workspaceIds);
      iterationIds = [...names].filter(([, name]) => accepts(versionSel, name)).map(([id]) => id);
    }
    const tail = b.count;
    const ranges: Range[] = [];
    for (let k = 1; k < b.count; k++) ranges.push([k, bucketStart(b, k), bucketStart(b, k + 1)]);
    ranges.push([tail, bucketStart(b, b.count), Number.POSITIVE_INFINITY]);
    const rows = cfdRows({ workspaceIds, iterationIds, ranges });

    const labels = await statusLabels(workspaceIds);
    const label = (ws: string, key: string) => labels.get(`${ws}\u0000${key}`) ?? key;
    const current = new Map<string, number>();
    // later[k][status]: what to take back from the current count to get the count at the end of bucket k−1
    const later = Array.from({ length: tail + 1 }, () => new Map<string, number>());
    const flow = new Map<string, { in: number; out: number }>();
    const bump = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);
    const flowOf = (key: string) => flow.get(key) ?? flow.set(key, { in: 0, out: 0 }).get(key)!;
    for (const r of rows.current) bump(current, label(r.workspaceId, r.status), r.n);
    for (const [k, ws, kind, before, after, n] of rows.flows) {
      if (after) bump(later[k]!, label(ws, after), n);
      if (kind === 1) continue; // a story created: no status left
      if (before) bump(later[k]!, label(ws, before), -n);
      if (after) flowOf(label(ws, after)).in += n;
      if (before) flowOf(label(ws, before)).out += n;
    }

    const statusSel = selection(ctx.params, "status");
    const names = new Set([...current.keys(), ...later.flatMap((m) => [...m.keys()])]);
    const score = (s: string) => {
      const f = flow.get(s);
      return f && f.in + f.out > 0 ? (f.in - f.out) / (f.in + f.out) : 0;
    };
    const ordered = [...names]
      .filter((s) => accepts(statusSel, s))
      .sort((x, y) => score(y) - score(x) || x.localeCompare(y));
    const series = ordered.map((status) => {
      const values = new Array<number | null>(b.count);
      let count = current.get(status) ?? 0;
      for (let k = tail; k >= 1; k--) {
        count -= later[k]!.get(status) ?? 0;
        values[k - 1] = count;
      }
      return { labels: { status }, values: values.map((v, i) => (isFuture(b, i) ? null : v)) };
    });
    return series.filter((s) => s.values.some((v) => v !== null && v !== 0));
  },
};

/** Status labels of TAPD's story status map, keyed "workspace\0key". */
async function statusLabels(workspaceIds: string[]): Promise<Map<string, string>> {
  const rows = await db.tapdStatus.findMany({
    where: { workspaceId: { in: workspaceIds }, system: "story" },
    select: { workspaceId: true, key: true, label: true },
  });
  return new Map(rows.map((r) => [`${r.workspaceId}\u0000${r.key}`, r.label || r.key]));
}
