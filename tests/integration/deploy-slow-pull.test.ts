import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createComponent } from "@/lib/catalog/components";
import { createProduct } from "@/lib/catalog/products";
import { db } from "@/lib/db";
import { createEnvironment } from "@/lib/environments/environments";
import { createHost } from "@/lib/environments/hosts";
import { createRegistry } from "@/lib/environments/registries";
import { cancelTask } from "@/lib/tasks/cancel-task";
import { createTask } from "@/lib/tasks/create-task";
import { startWorkerProcess } from "@/scripts/lib/processes";
import { startDeployProcessor } from "@/workers/deploy-processor";
import {
  inspectOnHost,
  makeDeployFixture,
  makeUser,
  onHost,
  system,
  taskLog,
  tb,
  uid,
  waitForTask,
} from "./helpers";
import { startThrottleProxy } from "./throttle-proxy";
import { pushUniqueImage } from "./unique-image";

// Pulls made slow by a throttling proxy in front of the registry: cancel mid-pull, and a command
// that outlives TAO_COMMAND_TIMEOUT_SECONDS. Each test pulls a tag pushed just for it (a 2 MB layer
// of random bytes, 100 s at the proxy's rate), so no host has it cached.

const [registryHost, registryPort] = tb.registry.host.split(":") as [string, string];
let proxy: Awaited<ReturnType<typeof startThrottleProxy>>;
let worker: Awaited<ReturnType<typeof startDeployProcessor>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
const HOST = 2;

async function fixture() {
  const id = uid();
  const tag = `slow-${id}`;
  await pushUniqueImage("demo/component-b", tag, 2_000_000);
  const product = await createProduct(system, { name: `slow-${id}` });
  const component = await createComponent(system, {
    productId: product.id,
    name: "component-b",
    image: `${proxy.url}/demo/component-b`,
  });
  const registry = await createRegistry(system, {
    name: `slow-${id}`,
    url: proxy.url,
    username: tb.registry.username,
    password: tb.registry.password,
  });
  const environment = await createEnvironment(system, { name: `slow-${id}`, registryId: registry.id });
  const h = tb.hosts[HOST]!;
  await createHost(system, {
    environmentId: environment.id,
    name: h.name,
    address: h.address,
    port: h.port,
    username: h.username,
    secret: h.password,
    containerCli: "podman",
  });
  return { environment, component, tag };
}

beforeAll(async () => {
  proxy = await startThrottleProxy({
    listen: { host: registryHost, port: 5006 },
    target: { host: registryHost, port: Number(registryPort) },
    bytesPerSecond: 20_000,
  });
  worker = await startDeployProcessor("test-worker-slow");
  admin = await makeUser("admin");
});
afterAll(async () => {
  await worker.close();
  await proxy.close();
});

describe("slow pulls", () => {
  it("cancel mid-pull kills the pull within 5 s and touches no container", async () => {
    // a running component-b to leave alone, deployed straight from the registry
    const running = await makeDeployFixture({
      hosts: [HOST],
      components: [{ name: "component-b", repo: "demo/component-b", tag: "v1.1.0" }],
    });
    const first = await createTask(admin, {
      type: "release",
      environment: running.environment.name,
      releaseId: running.release.id,
    });
    expect((await waitForTask(first.id, ["success", "failed", "canceled"])).status).toBe("success");
    const before = await inspectOnHost(HOST, "component-b");
    expect(before?.image).toBe(`${tb.registry.host}/demo/component-b:v1.1.0`);
    const f = await fixture();
    const task = await createTask(admin, {
      type: "components",
      environment: f.environment.name,
      components: [{ componentId: f.component.id, tag: f.tag }],
    });
    for (let i = 0; i < 300 && !(await taskLog(task.id)).some((l) => l.includes("Copying blob")); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("running");
    const asked = Date.now();
    await cancelTask(admin, task.id);
    expect((await waitForTask(task.id, ["canceled", "failed", "success"], 10_000)).status).toBe("canceled");
    expect(Date.now() - asked).toBeLessThan(5000);
    // the pull process is gone from the host, and the container (if any) is untouched
    const ps = await onHost(HOST, (conn) => conn.exec("ps -eo args"));
    expect(ps.stdout).not.toContain(`pull ${proxy.url}/demo/component-b:${f.tag}`);
    const after = await inspectOnHost(HOST, "component-b");
    expect(after?.image).toBe(before?.image);
    expect(after?.running).toBe(true);
  });

  it("a command running past TAO_COMMAND_TIMEOUT_SECONDS fails the task with a clear last line", async () => {
    const f = await fixture();
    // a worker process of its own, with a 3 s command timeout
    await worker.close();
    const slowWorker = startWorkerProcess({ TAO_COMMAND_TIMEOUT_SECONDS: "3" });
    try {
      const task = await createTask(admin, {
        type: "components",
        environment: f.environment.name,
        components: [{ componentId: f.component.id, tag: f.tag }],
      });
      const done = await waitForTask(task.id, ["failed", "success"], 60_000).catch((err) => {
        throw new Error(`${err.message}\nworker output:\n${slowWorker.output()}`);
      });
      expect(done.status).toBe("failed");
      expect(done.error).toMatch(/pull on .*: the command did not finish within 3 s/);
      expect((await taskLog(task.id)).at(-1)).toMatch(
        /deployment failed: pull on .*did not finish within 3 s/,
      );
    } finally {
      await slowWorker.stop();
      worker = await startDeployProcessor("test-worker-slow");
    }
  });
});
