import type { Metadata } from "next";
import { AuditTable } from "@/components/settings/audit/AuditTable";
import { db } from "@/lib/db";
import { viewer } from "../../../_server/i18n";
import { requireAbility } from "../../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("nav.audit") };
}

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

export default async function AuditPage({ searchParams }: Props) {
  await requireAbility("configure");
  const query = await searchParams;
  const action = one(query.action).slice(0, 100);
  const actor = one(query.actor).slice(0, 200);
  const page = Math.min(Math.max(1, Number.parseInt(one(query.page), 10) || 1), 100_000);

  const where = {
    ...(action ? { action: { startsWith: action } } : {}),
    ...(actor ? { actorName: actor } : {}),
  };
  const [total, rows, actors, actions] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.auditLog.findMany({
      distinct: ["actorName"],
      select: { actorName: true },
      orderBy: { actorName: "asc" },
    }),
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  // "host." before "host.create", "host.update", …: the prefixes a filter is usually wanted for
  const prefixes = new Set<string>();
  for (const { action: a } of actions) {
    const dot = a.indexOf(".");
    if (dot > 0) prefixes.add(a.slice(0, dot + 1));
    prefixes.add(a);
  }

  return (
    <AuditTable
      items={rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorName: r.actorName,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        detail: r.detail,
      }))}
      total={total}
      page={page}
      pageSize={PAGE_SIZE}
      filters={{ action, actor }}
      actors={actors.map((a) => a.actorName)}
      actionPrefixes={[...prefixes].sort()}
    />
  );
}
