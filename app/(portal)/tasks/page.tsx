import type { Metadata } from "next";
import { TasksList } from "@/components/tasks/TasksList";
import { parseTaskFilters, taskFilterOptions, taskList } from "@/lib/dashboards/tasks";
import { viewer } from "../../_server/i18n";
import { requireUser } from "../../_server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("portal.tasks.title") };
}

export default async function TasksPage({ searchParams }: Props) {
  await requireUser();
  const filters = parseTaskFilters(await searchParams);
  const [{ items, older }, options] = await Promise.all([taskList(filters), taskFilterOptions()]);
  return (
    <TasksList
      items={items}
      older={older}
      filters={filters}
      environments={options.environments}
      creators={options.creators}
    />
  );
}
