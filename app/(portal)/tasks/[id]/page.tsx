import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { abilitiesOf } from "@/components/portal/abilities";
import { TaskDetailView } from "@/components/tasks/TaskDetailView";
import { taskPage } from "@/lib/dashboards/tasks";
import { NotFoundError } from "@/lib/errors";
import { ZTaskId } from "@/lib/tasks/task-id";
import { viewer } from "../../../_server/i18n";
import { requireUser } from "../../../_server/session";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ t }, { id }] = await Promise.all([viewer(), params]);
  return { title: t("portal.task.title", { id }) };
}

export default async function TaskPage({ params }: Props) {
  const user = await requireUser();
  const id = ZTaskId.safeParse((await params).id);
  if (!id.success) notFound();
  const data = await taskPage(id.data).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return <TaskDetailView task={data.task} retries={data.retries} abilities={abilitiesOf(user)} />;
}
