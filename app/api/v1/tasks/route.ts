// GET /api/v1/tasks — list tasks (filters: status, environmentId, creator, type; cursor: before)
// POST /api/v1/tasks — create a deployment task (session or API token with the deploy scope)
import { readJson, readQuery, route } from "@/lib/http/route";
import { createTask } from "@/lib/tasks/create-task";
import { ZCreateTaskRequest } from "@/lib/tasks/task-params";
import { listTasks, ZTaskListQuery } from "@/lib/tasks/task-queries";

export const GET = route("read", async ({ req }) => ({
  items: await listTasks(readQuery(req, ZTaskListQuery)),
}));

export const POST = route("deploy", async ({ req, principal }) => {
  const task = await createTask(principal, await readJson(req, ZCreateTaskRequest));
  return Response.json({ id: task.id, status: task.status, url: `/tasks/${task.id}` }, { status: 201 });
});
