import type { Metadata } from "next";
import { EventsTable } from "@/components/gitlab/EventsTable";
import { eventTypes, listEvents, ZEventListQuery, ZEventStatus } from "@/lib/gitlab/list-events";
import { viewer } from "../../../../_server/i18n";
import { requireAbility } from "../../../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("gitlab.events.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

export default async function GitlabEventsPage({ searchParams }: Props) {
  await requireAbility("configure");
  const q = await searchParams;
  const status = ZEventStatus.safeParse(one(q.status)).data;
  const query = ZEventListQuery.catch({ page: 1, pageSize: 50 }).parse({
    status,
    eventType: one(q.eventType) || undefined,
    project: one(q.project) || undefined,
    ref: one(q.ref) || undefined,
    page: one(q.page) || 1,
  });
  const [list, types] = await Promise.all([listEvents(query), eventTypes()]);
  return (
    <EventsTable
      items={list.items.map((e) => ({
        ...e,
        receivedAt: e.receivedAt.toISOString(),
        status: ZEventStatus.catch("queued").parse(e.status),
      }))}
      total={list.total}
      page={list.page}
      pageSize={list.pageSize}
      filters={{
        status: status ?? "",
        eventType: query.eventType ?? "",
        project: query.project ?? "",
        ref: query.ref ?? "",
      }}
      eventTypes={types}
    />
  );
}
