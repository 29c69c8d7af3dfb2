import { z } from "zod";
import { db } from "@/lib/db";
import { ZTaskStatus, ZTaskType } from "@/lib/domain/enums";
import { NotFoundError } from "@/lib/errors";
import { parseTaskParams } from "./task-params";

export const ZTaskListQuery = z.object({
  status: ZTaskStatus.optional(),
  environmentId: z.string().optional(),
  creator: z.string().optional(),
  type: ZTaskType.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().positive().optional(), // id cursor: tasks older than this
});

const taskInclude = {
  environment: { select: { id: true, name: true, protected: true } },
  product: { select: { id: true, name: true } },
  release: { select: { id: true, version: true } },
  featureBranch: { select: { id: true, branch: true, title: true } },
} as const;

export async function listTasks(query: z.input<typeof ZTaskListQuery>) {
  const q = ZTaskListQuery.parse(query);
  const rows = await db.task.findMany({
    where: {
      ...(q.status ? { status: q.status } : {}),
      ...(q.environmentId ? { environmentId: q.environmentId } : {}),
      ...(q.creator ? { creatorName: q.creator } : {}),
      ...(q.type ? { type: q.type } : {}),
      ...(q.before ? { id: { lt: q.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit,
    include: taskInclude,
  });
  const positions = await queuePositions(rows.filter((t) => t.status === "waiting"));
  return rows.map((t) => toView(t, positions.get(t.id) ?? null));
}

export async function getTask(id: number) {
  const task = await db.task.findUnique({ where: { id }, include: taskInclude });
  if (!task) throw new NotFoundError("Task");
  const positions = await queuePositions(task.status === "waiting" ? [task] : []);
  return toView(task, positions.get(id) ?? null);
}

/** For waiting tasks: 1 = next in its environment once the running task ends. */
async function queuePositions(
  waiting: { id: number; environmentId: string }[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const t of waiting) {
    const ahead = await db.task.count({
      where: { environmentId: t.environmentId, status: "waiting", id: { lt: t.id } },
    });
    out.set(t.id, ahead + 1);
  }
  return out;
}

type Row = Awaited<ReturnType<typeof db.task.findFirstOrThrow<{ include: typeof taskInclude }>>>;

function toView(t: Row, queuePosition: number | null) {
  const { params, ...rest } = t;
  return { ...rest, components: parseTaskParams(params).components, queuePosition };
}
export type TaskView = ReturnType<typeof toView>;
