import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as logsRoute } from "@/app/api/v1/tasks/[id]/logs/route";
import { db } from "@/lib/db";
import { redis } from "@/lib/redis";
import { createTask } from "@/lib/tasks/create-task";
import { logStreamKey } from "@/lib/tasks/log-keys";
import { TaskLogWriter } from "@/lib/tasks/log-writer";
import { transition } from "@/lib/tasks/transitions";
import { startDeployProcessor } from "@/workers/deploy-processor";
import { clearContainers, makeDeployFixture, makeUser, waitForTask } from "./helpers";

// GET /api/v1/tasks/:id/logs through the real route handler: replay, resume, live follow, the end.

type Event = { id?: string; event: string; data: string };

/** Reads SSE events from the route until `end` (or `stopAfter` line events). */
async function readSse(
  taskId: number,
  token: string,
  opts: { lastEventId?: string; stopAfter?: number } = {},
) {
  const abort = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (opts.lastEventId) headers["last-event-id"] = opts.lastEventId;
  const res = await logsRoute(
    new Request(`http://tao.test/api/v1/tasks/${taskId}/logs`, { headers, signal: abort.signal }),
    {
      params: Promise.resolve({ id: String(taskId) }),
    },
  );
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: (Event & { at: number })[] = [];
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.indexOf("\n\n");
    while (cut >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      cut = buffer.indexOf("\n\n");
      const ev: Event = { event: "message", data: "" };
      for (const line of block.split("\n")) {
        if (line.startsWith("id: ")) ev.id = line.slice(4);
        else if (line.startsWith("event: ")) ev.event = line.slice(7);
        else if (line.startsWith("data: ")) ev.data = line.slice(6);
      }
      if (block.startsWith(":") || block.startsWith("retry:")) continue;
      events.push({ ...ev, at: Date.now() });
    }
    const lines = events.filter((e) => e.event === "line").length;
    if (events.some((e) => e.event === "end") || (opts.stopAfter && lines >= opts.stopAfter)) {
      abort.abort();
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return events;
}

let worker: Awaited<ReturnType<typeof startDeployProcessor>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  worker = await startDeployProcessor("test-worker-sse");
  viewer = await makeUser("viewer");
  admin = await makeUser("admin");
});
afterAll(async () => {
  await worker.close();
});

describe("task log over SSE", () => {
  it("follows a live deployment, then replays it and resumes from Last-Event-ID without gaps or duplicates", async () => {
    await clearContainers(1, ["component-a"]);
    const f = await makeDeployFixture({
      hosts: [1],
      components: [
        {
          name: "component-a",
          repo: "demo/component-a",
          tag: "v1.2.0",
          healthCheck: { kind: "running", seconds: 2 },
        },
      ],
    });
    const task = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    const live = await readSse(task.id, viewer.token);
    const end = live.find((e) => e.event === "end")!;
    expect(JSON.parse(end.data)).toMatchObject({ status: "success" });
    const liveLines = live.filter((e) => e.event === "line");
    // lines arrived while the task ran, not all at the end
    expect(liveLines[0]!.at).toBeLessThan(end.at - 1000);
    expect(liveLines.map((e) => Number(e.id))).toEqual(liveLines.map((_, i) => i + 1));

    const persisted = await db.taskLogLine.count({ where: { taskId: task.id } });
    expect(liveLines).toHaveLength(persisted);

    const replay = await readSse(task.id, viewer.token);
    expect(replay.filter((e) => e.event === "line").map((e) => e.data)).toEqual(liveLines.map((e) => e.data));

    const resumed = await readSse(task.id, viewer.token, { lastEventId: "5" });
    const ids = resumed.filter((e) => e.event === "line").map((e) => Number(e.id));
    expect(ids[0]).toBe(6);
    expect(ids).toEqual(Array.from({ length: persisted - 5 }, (_, i) => i + 6));
  });

  it("serves a finished task from the database after Redis lost its stream", async () => {
    const f = await makeDeployFixture({
      hosts: [1],
      components: [{ name: "component-a", repo: "demo/component-a", tag: "v1.2.0" }],
    });
    const task = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    await waitForTask(task.id, ["success", "failed"]);
    await redis().del(logStreamKey(task));
    const events = await readSse(task.id, viewer.token);
    expect(events.filter((e) => e.event === "line").length).toBe(
      await db.taskLogLine.count({ where: { taskId: task.id } }),
    );
    expect(events.at(-1)?.event).toBe("end");
  });

  it("fills a gap from the database when live lines were trimmed from the stream", async () => {
    // A task written by hand: 300 lines, of which Redis keeps only the last 10.
    const f = await makeDeployFixture({
      hosts: [1],
      components: [{ name: "component-a", repo: "demo/component-a", tag: "v1.2.0" }],
    });
    const task = await db.task.create({
      data: {
        type: "release",
        environmentId: f.environment.id,
        params: JSON.stringify({
          components: [
            {
              componentId: f.components[0]!.id,
              name: "component-a",
              repository: `${f.registry.url}/demo/component-a`,
              tag: "v1.2.0",
              layer: "app",
            },
          ],
        }),
        creatorName: "test",
        status: "waiting",
      },
    });
    await transition(task.id, "waiting", "running");
    const writer = await TaskLogWriter.open(task.id, redis());
    for (let i = 1; i <= 300; i++) writer.write({ stream: "stdout", line: `line ${i}` });
    await writer.flush();
    await redis().xtrim(logStreamKey(task), "MAXLEN", 10);
    const reading = readSse(task.id, viewer.token);
    await new Promise((r) => setTimeout(r, 500));
    for (let i = 301; i <= 310; i++) writer.write({ stream: "stdout", line: `line ${i}` });
    await writer.flush();
    await transition(task.id, "running", "success");
    await writer.finish("success");
    const lines = (await reading)
      .filter((e) => e.event === "line")
      .map((e) => JSON.parse(e.data).line as string);
    expect(lines).toEqual(Array.from({ length: 310 }, (_, i) => `line ${i + 1}`));
  });

  it("refuses a request without a session or token", async () => {
    const res = await logsRoute(new Request("http://tao.test/api/v1/tasks/1/logs"), {
      params: Promise.resolve({ id: "1" }),
    });
    expect(res.status).toBe(401);
  });
});
