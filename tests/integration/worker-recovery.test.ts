import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { redis } from "@/lib/redis";
import { createTask } from "@/lib/tasks/create-task";
import { liveWorkers } from "@/lib/worker/heartbeat";
import { type Proc, startWorkerProcess, waitFor } from "@/scripts/lib/processes";
import { clearContainers, makeDeployFixture, makeUser, taskLog, tb, waitForTask } from "./helpers";

// The worker as a real process: killed mid-task, restarted, stopped cleanly.

let admin: Awaited<ReturnType<typeof makeUser>>;
const workers: Proc[] = [];
const slowHealth = {
  kind: "http" as const,
  url: `http://127.0.0.1:${tb.images["demo/component-c"]!.port}/`,
  timeoutSeconds: 30,
};

beforeAll(async () => {
  admin = await makeUser("admin");
  await clearContainers(1, ["component-c"]);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop("SIGKILL")));
});

describe("worker process", () => {
  it("reports a heartbeat, and a task whose worker was killed does not stay running", async () => {
    const first = startWorkerProcess();
    workers.push(first);
    await waitFor("a heartbeat", async () => (await liveWorkers(redis())).length > 0);

    const f = await makeDeployFixture({
      hosts: [1],
      components: [
        { name: "component-c", repo: "demo/component-c", tag: "slow-start", healthCheck: slowHealth },
      ],
    });
    const task = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    await waitFor("the health check to start", async () =>
      (await taskLog(task.id)).some((l) => l.startsWith("health check:")),
    );
    await first.stop("SIGKILL");

    const second = startWorkerProcess();
    workers.push(second);
    const done = await waitForTask(task.id, ["failed", "success"], 90_000);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/the worker running this task stopped/);
    expect((await taskLog(task.id)).at(-1)).toMatch(
      /the worker running this task stopped.*check it and retry/,
    );

    // the environment's lock went with it: the next task runs
    const next = await createTask(admin, {
      type: "components",
      environment: f.environment.name,
      components: [{ componentId: f.components[0]!.id, tag: "v1.0.0" }],
    });
    expect((await waitForTask(next.id, ["failed", "success"], 90_000)).status).toBe("success");

    // SIGTERM: finish, remove the heartbeat, exit 0
    expect(await second.stop("SIGTERM")).toBe(0);
    expect(second.output()).toContain("stopped");
  });

  it("re-enqueues on start what the database says is waiting but Redis lost", async () => {
    const f = await makeDeployFixture({
      hosts: [1],
      components: [{ name: "component-c", repo: "demo/component-c", tag: "v1.1.0" }],
    });
    const task = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    await redis().flushdb(); // the queue is gone; the database still says waiting
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("waiting");
    const worker = startWorkerProcess();
    workers.push(worker);
    expect((await waitForTask(task.id, ["failed", "success"], 90_000)).status).toBe("success");
    await worker.stop();
  });
});
