// POST /api/v1/tasks/:id/cancel — cancel a waiting task at once, a running one within seconds
import { route } from "@/lib/http/route";
import { cancelTask } from "@/lib/tasks/cancel-task";
import { ZTaskId } from "@/lib/tasks/task-id";

export const POST = route<{ id: string }>("deploy", async ({ params, principal }) =>
  cancelTask(principal, ZTaskId.parse(params.id)),
);
