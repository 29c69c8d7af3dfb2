import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { redis } from "@/lib/redis";
import { cancelTask } from "@/lib/tasks/cancel-task";
import { createTask } from "@/lib/tasks/create-task";
import { logStreamKey } from "@/lib/tasks/log-keys";
import { retryTask } from "@/lib/tasks/retry-task";
import { startDeployProcessor } from "@/workers/deploy-processor";
import {
  clearContainers,
  inspectOnHost,
  makeDeployFixture,
  makeUser,
  taskLog,
  tb,
  waitForTask,
} from "./helpers";

// The deploy engine against the real testbed: real sshd, rootless podman per host, a registry with
// htpasswd auth, BullMQ on a real Redis and the real SQLite file.

let worker: Awaited<ReturnType<typeof startDeployProcessor>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
const http = (port: number) => ({
  kind: "http" as const,
  url: `http://127.0.0.1:${port}/`,
  timeoutSeconds: 15,
});
const portOf = (repo: string) => tb.images[repo]!.port;

beforeAll(async () => {
  await redis().flushdb();
  worker = await startDeployProcessor("test-worker");
  admin = await makeUser("admin");
});
afterAll(async () => {
  await worker.close();
});

describe("deploying a release", () => {
  it("runs the new tags on two hosts with the requested options, in layer order", async () => {
    await Promise.all([0, 1].map((h) => clearContainers(h, ["component-a", "component-b"])));
    const f = await makeDeployFixture({
      hosts: [0, 1],
      components: [
        {
          name: "component-a",
          repo: "demo/component-a",
          tag: "v1.1.0",
          healthCheck: http(portOf("demo/component-a")),
        },
        {
          name: "component-b",
          repo: "demo/component-b",
          tag: "v1.0.0",
          layer: "shared-middleware",
          healthCheck: { kind: "running", seconds: 1 },
        },
      ],
      overrides: { "component-a": { env: { GREETING: "hello $(id) `x`" }, memory: "512m" } },
    });
    const task = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    const done = await waitForTask(task.id, ["success", "failed"]);
    const log = await taskLog(task.id);
    expect(done.status, log.join("\n")).toBe("success");

    for (const h of [0, 1]) {
      const a = await inspectOnHost(h, "component-a");
      const b = await inspectOnHost(h, "component-b");
      expect(a?.running).toBe(true);
      expect(a?.image).toBe(`${tb.registry.host}/demo/component-a:v1.1.0`);
      expect(b?.image).toBe(`${tb.registry.host}/demo/component-b:v1.0.0`);
      const config = a!.raw.Config as { Env: string[] };
      const hostConfig = a!.raw.HostConfig as {
        RestartPolicy: { Name: string; MaximumRetryCount: number };
        NetworkMode: string;
        LogConfig: { Size?: string; Config?: Record<string, string> };
      };
      expect(config.Env).toContain("GREETING=hello $(id) `x`");
      expect(hostConfig.RestartPolicy).toMatchObject({ Name: "on-failure", MaximumRetryCount: 10 });
      expect(hostConfig.NetworkMode).toBe("host");
    }
    // shared middleware (component-b) is deployed before the app (component-a) on each host
    const starts = log.filter((l) => l.startsWith("start to deploy"));
    expect(starts[0]).toContain("component-b");
    // the inventory records what runs where
    const inventory = await db.inventoryItem.findMany({ where: { environmentId: f.environment.id } });
    expect(inventory).toHaveLength(4);
    expect(new Set(inventory.map((i) => i.tag))).toEqual(new Set(["v1.1.0", "v1.0.0"]));
    // first contact pinned each host's key (the one up.sh generated)
    const hosts = await db.host.findMany({
      where: { environmentId: f.environment.id },
      orderBy: { name: "asc" },
    });
    expect(hosts.map((h) => h.hostKeyFingerprint)).toEqual([
      tb.hosts[0]!.hostKeyFingerprint,
      tb.hosts[1]!.hostKeyFingerprint,
    ]);
    // log lines carry ISO timestamps with offset and microseconds, and host/component tags
    const rows = await db.taskLogLine.findMany({ where: { taskId: task.id }, orderBy: { seq: "asc" } });
    expect(rows.every((r) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d$/.test(r.ts))).toBe(true);
    expect(rows.some((r) => r.component === "component-a" && r.host.startsWith("host1"))).toBe(true);
  });

  it("restores the previous container when the new one fails its health check", async () => {
    await clearContainers(0, ["component-c"]);
    const good = await makeDeployFixture({
      hosts: [0],
      components: [
        {
          name: "component-c",
          repo: "demo/component-c",
          tag: "v1.0.0",
          healthCheck: http(portOf("demo/component-c")),
        },
      ],
    });
    const first = await createTask(admin, {
      type: "release",
      environment: good.environment.name,
      releaseId: good.release.id,
    });
    expect((await waitForTask(first.id, ["success", "failed"])).status).toBe("success");

    const [component] = good.components;
    const bad = await createTask(admin, {
      type: "components",
      environment: good.environment.name,
      components: [{ componentId: component!.id, tag: "broken" }],
    });
    const done = await waitForTask(bad.id, ["success", "failed"]);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/component-c on .* is unhealthy: the container (stopped|restarted)/);
    const log = await taskLog(bad.id);
    expect(log.some((l) => l.includes("last") && l.includes("line(s) of the container's log"))).toBe(true);
    expect(log.some((l) => l.includes("restored the previous container"))).toBe(true);

    const state = await inspectOnHost(0, "component-c");
    expect(state?.running).toBe(true);
    expect(state?.image).toBe(`${tb.registry.host}/demo/component-c:v1.0.0`);
    expect(await inspectOnHost(0, "component-c.tao-prev")).toBeUndefined();

    // Retry makes a new task with the same parameters, linked to the failed one.
    const retry = await retryTask(admin, bad.id);
    expect(retry.retryOfId).toBe(bad.id);
    expect(retry.params).toBe(done.params);
    expect((await waitForTask(retry.id, ["success", "failed"])).status).toBe("failed");
  });
});

describe("faults", () => {
  it("fails clearly when the SSH host is down, touching nothing", async () => {
    const f = await makeDeployFixture({
      hosts: [0],
      components: [{ name: "component-d", repo: "demo/component-d", tag: "v1.0.0" }],
      hostPatch: { port: 1 },
    });
    const task = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    const done = await waitForTask(task.id, ["success", "failed"]);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/pre-flight failed: cannot connect to .*:1: connection refused/);
    expect((await taskLog(task.id)).at(-1)).toMatch(/deployment failed: pre-flight failed: cannot connect/);
  });

  it("fails clearly when SSH authentication is refused", async () => {
    const f = await makeDeployFixture({
      hosts: [0],
      components: [{ name: "component-d", repo: "demo/component-d", tag: "v1.0.0" }],
      hostPatch: { password: "not-the-password" },
    });
    const task = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    const done = await waitForTask(task.id, ["success", "failed"]);
    expect(done.error).toMatch(/SSH authentication refused/);
    expect((await taskLog(task.id)).join("\n")).not.toContain("not-the-password");
  });

  it("fails on a wrong registry password, and the password is in no log line", async () => {
    const wrong = `wrong-${Math.random().toString(36).slice(2)}-password`;
    const f = await makeDeployFixture({
      hosts: [0],
      components: [{ name: "component-d", repo: "demo/component-d", tag: "v1.0.0" }],
      registryPassword: wrong,
    });
    const task = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    const done = await waitForTask(task.id, ["success", "failed"]);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/login failed/);
    const stream = await redis().xrange(logStreamKey(task), "-", "+");
    const everything = [...(await taskLog(task.id)), JSON.stringify(stream), done.error].join("\n");
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(tb.hosts[0]!.password);
  });

  it("refuses a host whose key changed since it was pinned", async () => {
    const f = await makeDeployFixture({
      hosts: [0],
      components: [{ name: "component-d", repo: "demo/component-d", tag: "v1.0.0" }],
    });
    await db.host.updateMany({
      where: { environmentId: f.environment.id },
      data: { hostKeyFingerprint: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    });
    const task = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    const done = await waitForTask(task.id, ["success", "failed"]);
    expect(done.error).toMatch(/does not match the pinned key \(expected SHA256:AAAA.*, got SHA256:/);
  });
});

describe("the environment lock", () => {
  it("runs one task per environment at a time, the others wait in FIFO order", async () => {
    await clearContainers(1, ["component-d"]);
    const f = await makeDeployFixture({
      hosts: [1],
      components: [
        {
          name: "component-d",
          repo: "demo/component-d",
          tag: "v1.0.0",
          healthCheck: { kind: "running", seconds: 2 },
        },
      ],
    });
    const tasks = [];
    for (let i = 0; i < 3; i++)
      tasks.push(
        await createTask(admin, {
          type: "release",
          environment: f.environment.name,
          releaseId: f.release.id,
        }),
      );
    for (const t of tasks) await waitForTask(t.id, ["success", "failed"]);
    const rows = await db.task.findMany({
      where: { id: { in: tasks.map((t) => t.id) } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => r.status)).toEqual(["success", "success", "success"]);
    for (let i = 1; i < rows.length; i++) {
      // each started only after the previous one finished
      expect(rows[i]!.startedAt!.getTime()).toBeGreaterThanOrEqual(rows[i - 1]!.finishedAt!.getTime());
    }
  });

  it("cancels a waiting task at once and a running one within 5 s, restoring the old container", async () => {
    await clearContainers(1, ["component-b"]);
    const f = await makeDeployFixture({
      hosts: [1],
      components: [
        {
          name: "component-b",
          repo: "demo/component-b",
          tag: "v1.0.0",
          healthCheck: http(portOf("demo/component-b")),
        },
      ],
    });
    const base = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    expect((await waitForTask(base.id, ["success", "failed"])).status).toBe("success");

    const slow = await createTask(admin, {
      type: "components",
      environment: f.environment.name,
      components: [{ componentId: f.components[0]!.id, tag: "slow-start" }],
    });
    const queued = await createTask(admin, {
      type: "release",
      environment: f.environment.name,
      releaseId: f.release.id,
    });
    expect(await cancelTask(admin, queued.id)).toEqual({ status: "canceled" });
    expect((await db.task.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe("canceled");

    await waitForTask(slow.id, ["running"]);
    // wait until the new container is being health-checked (the old one is parked)
    for (let i = 0; i < 100 && !(await taskLog(slow.id)).some((l) => l.startsWith("health check:")); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const asked = Date.now();
    expect(await cancelTask(admin, slow.id)).toEqual({ status: "canceling" });
    const done = await waitForTask(slow.id, ["canceled", "failed", "success"], 10_000);
    expect(done.status).toBe("canceled");
    expect(Date.now() - asked).toBeLessThan(5000);
    const state = await inspectOnHost(1, "component-b");
    expect(state?.running).toBe(true);
    expect(state?.image).toBe(`${tb.registry.host}/demo/component-b:v1.0.0`);
  });
});
