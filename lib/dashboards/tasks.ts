import { z } from "zod";
import { db } from "@/lib/db";
import { ZTaskStatus, ZTaskType } from "@/lib/domain/enums";
import { getTask, listTasks, type TaskView } from "@/lib/tasks/task-queries";
import { type TaskBrief, taskSummary } from "./task-brief";

// Read models of the tasks list and the task page, as plain JSON (what GET /api/v1/tasks/:id sends).

/** A task as JSON: TaskView with its dates as ISO strings. */
export type TaskJson = Omit<TaskView, "createdAt" | "startedAt" | "finishedAt" | "updatedAt"> & {
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
};

export function toTaskJson(view: TaskView): TaskJson {
  return {
    ...view,
    createdAt: view.createdAt.toISOString(),
    startedAt: view.startedAt?.toISOString() ?? null,
    finishedAt: view.finishedAt?.toISOString() ?? null,
    updatedAt: view.updatedAt.toISOString(),
  };
}

/** The filters of the tasks list as they appear in its URL; anything invalid is ignored. */
export const ZTaskFilters = z.object({
  status: ZTaskStatus.optional().catch(undefined),
  environmentId: z.string().min(1).optional().catch(undefined),
  creator: z.string().min(1).optional().catch(undefined),
  type: ZTaskType.optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type TaskFilters = z.infer<typeof ZTaskFilters>;

export function parseTaskFilters(query: Record<string, string | string[] | undefined>): TaskFilters {
  const flat = Object.fromEntries(
    Object.entries(query)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v !== ""),
  );
  return ZTaskFilters.parse(flat);
}

export type TaskListItem = TaskBrief & {
  queuePosition: number | null;
  cancelRequested: boolean;
  retryOfId: number | null;
};

const PAGE = 50;

export async function taskList(
  filters: TaskFilters,
): Promise<{ items: TaskListItem[]; older: number | null }> {
  const rows = await listTasks({ ...filters, limit: PAGE + 1 });
  const page = rows.slice(0, PAGE);
  return {
    items: page.map((t) => ({
      id: t.id,
      status: t.status as TaskListItem["status"],
      type: t.type as TaskListItem["type"],
      summary: taskSummary({
        ...t,
        params: JSON.stringify({ components: t.components }),
      }),
      environmentId: t.environmentId,
      environmentName: t.environment.name,
      creatorName: t.creatorName,
      createdAt: t.createdAt.toISOString(),
      startedAt: t.startedAt?.toISOString() ?? null,
      finishedAt: t.finishedAt?.toISOString() ?? null,
      queuePosition: t.queuePosition,
      cancelRequested: t.cancelRequested,
      retryOfId: t.retryOfId,
    })),
    older: rows.length > PAGE ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** The values the list's filters offer: environments and everyone who ever created a task. */
export async function taskFilterOptions() {
  const [environments, creators] = await Promise.all([
    db.environment.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.task.findMany({
      distinct: ["creatorName"],
      select: { creatorName: true },
      orderBy: { creatorName: "asc" },
    }),
  ]);
  return { environments, creators: creators.map((c) => c.creatorName) };
}

/** The task page: the task, the task it retries and the tasks that retried it. */
export async function taskPage(id: number) {
  const task = toTaskJson(await getTask(id));
  const retries = await db.task.findMany({
    where: { retryOfId: id },
    orderBy: { id: "asc" },
    select: { id: true, status: true },
  });
  return { task, retries };
}
