// POST /api/v1/tasks/:id/retry — a new task with the same parameters, linked to this one
import { route } from "@/lib/http/route";
import { retryTask } from "@/lib/tasks/retry-task";
import { ZTaskId } from "@/lib/tasks/task-id";

export const POST = route<{ id: string }>("deploy", async ({ params, principal }) => {
  const task = await retryTask(principal, ZTaskId.parse(params.id));
  return Response.json({ id: task.id, status: task.status, url: `/tasks/${task.id}` }, { status: 201 });
});
