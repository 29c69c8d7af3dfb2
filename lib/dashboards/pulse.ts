import { createHash } from "node:crypto";
import { db } from "@/lib/db";

// A small fingerprint of everything the dashboards show. Pages poll it (every ~2 s) and re-render
// only when it changes, so live updates cost a few aggregate queries, not a full page per poll.

const iso = (d: Date | null | undefined) => d?.toISOString() ?? "";

export async function dashboardPulse(): Promise<{ signature: string; at: string }> {
  const [tasks, byStatus, inventory, environments, hosts, releases, features, builds] = await Promise.all([
    db.task.aggregate({
      _count: { _all: true },
      _max: { id: true, updatedAt: true, startedAt: true, finishedAt: true },
    }),
    db.task.groupBy({ by: ["status"], _count: { _all: true } }),
    db.inventoryItem.aggregate({ _count: { _all: true }, _max: { deployedAt: true, observedAt: true } }),
    db.environment.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.host.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.release.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.featureBranch.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.build.aggregate({ _count: { _all: true }, _max: { createdAt: true } }),
  ]);
  const parts = [
    tasks._count._all,
    tasks._max.id ?? 0,
    iso(tasks._max.updatedAt),
    iso(tasks._max.startedAt),
    iso(tasks._max.finishedAt),
    byStatus
      .map((s) => `${s.status}=${s._count._all}`)
      .sort()
      .join(","),
    inventory._count._all,
    iso(inventory._max.deployedAt),
    iso(inventory._max.observedAt),
    environments._count._all,
    iso(environments._max.updatedAt),
    hosts._count._all,
    iso(hosts._max.updatedAt),
    releases._count._all,
    iso(releases._max.updatedAt),
    features._count._all,
    iso(features._max.updatedAt),
    builds._count._all,
    iso(builds._max.createdAt),
  ];
  const signature = createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 16);
  return { signature, at: new Date().toISOString() };
}
