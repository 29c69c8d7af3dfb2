import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type Proc, startRedis, startWorkerProcess, waitFor } from "@/scripts/lib/processes";
import { tb } from "./helpers";

// Redis restarted under a running worker and web code: both reconnect and carry on. This file uses
// a private redis-server, so it sets REDIS_URL before lib/ is loaded (dynamic imports below).

let redisPort: number;
let redisProc: Proc;
let worker: Proc;

beforeAll(async () => {
  redisPort = await freePort();
  process.env.REDIS_URL = `redis://127.0.0.1:${redisPort}`;
  redisProc = startRedis(redisPort);
  const { redis } = await import("@/lib/redis");
  await waitFor("redis", async () => (await redis().ping()) === "PONG");
  worker = startWorkerProcess({ REDIS_URL: process.env.REDIS_URL });
});
afterAll(async () => {
  await worker?.stop("SIGKILL");
  await redisProc?.stop("SIGKILL");
});

describe("Redis restart", () => {
  it("lets the running task finish and later tasks run", async () => {
    const { createTask } = await import("@/lib/tasks/create-task");
    const { clearContainers, makeDeployFixture, makeUser, taskLog, waitForTask } = await import("./helpers");
    const admin = await makeUser("admin");
    await clearContainers(1, ["component-d"]);
    const f = await makeDeployFixture({
      hosts: [1],
      components: [
        {
          name: "component-d",
          repo: "demo/component-d",
          tag: "slow-start",
          healthCheck: {
            kind: "http",
            url: `http://127.0.0.1:${tb.images["demo/component-d"]!.port}/`,
            timeoutSeconds: 30,
          },
        },
      ],
    });
    const task = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    await waitFor(
      "the health check to start",
      async () => (await taskLog(task.id)).some((l) => l.startsWith("health check:")),
      60_000,
    );

    await redisProc.stop("SIGTERM");
    redisProc = startRedis(redisPort);
    const { redis } = await import("@/lib/redis");
    await waitFor("redis back", async () => (await redis().ping()) === "PONG");

    expect((await waitForTask(task.id, ["failed", "success"], 90_000)).status).toBe("success");
    const next = await createTask(admin, {
      type: "components",
      environment: f.environment.name,
      components: [{ componentId: f.components[0]!.id, tag: "v1.0.0" }],
    });
    expect((await waitForTask(next.id, ["failed", "success"], 90_000)).status).toBe("success");
  });
});
