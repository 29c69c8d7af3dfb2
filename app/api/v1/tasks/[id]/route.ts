// GET /api/v1/tasks/:id — one task with its components and queue position
import { route } from "@/lib/http/route";
import { ZTaskId } from "@/lib/tasks/task-id";
import { getTask } from "@/lib/tasks/task-queries";

export const GET = route<{ id: string }>("read", async ({ params }) => getTask(ZTaskId.parse(params.id)));
