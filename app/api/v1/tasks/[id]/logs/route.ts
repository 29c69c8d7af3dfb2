// GET /api/v1/tasks/:id/logs — Server-Sent Events: the log from the start (or after Last-Event-ID /
// ?after=N), then live lines, then an `end` event with the final status
import { z } from "zod";
import { route } from "@/lib/http/route";
import { createBlockingConnection } from "@/lib/redis";
import { formatSse, taskLogEvents } from "@/lib/tasks/log-events";
import { ZTaskId } from "@/lib/tasks/task-id";
import { getTask } from "@/lib/tasks/task-queries";

export const dynamic = "force-dynamic";

const ZAfter = z.coerce.number().int().min(0).catch(0);

export const GET = route<{ id: string }>("read", async ({ req, params }) => {
  const taskId = ZTaskId.parse(params.id);
  await getTask(taskId); // 404 before the stream starts
  const after = ZAfter.parse(
    req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("after") ?? 0,
  );
  const abort = new AbortController();
  req.signal.addEventListener("abort", () => abort.abort());
  const blocking = createBlockingConnection(`sse-task-${taskId}`, { lazyConnect: true });
  const encoder = new TextEncoder();

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode("retry: 2000\n\n"));
        for await (const event of taskLogEvents(taskId, after, blocking, abort.signal)) {
          controller.enqueue(encoder.encode(formatSse(event)));
        }
      } catch (err) {
        if (!abort.signal.aborted)
          controller.enqueue(
            encoder.encode(`event: error\ndata: ${JSON.stringify({ message: (err as Error).message })}\n\n`),
          );
      } finally {
        blocking.disconnect();
        try {
          controller.close();
        } catch {
          // the client went away first
        }
      }
    },
    cancel() {
      abort.abort();
      blocking.disconnect();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
