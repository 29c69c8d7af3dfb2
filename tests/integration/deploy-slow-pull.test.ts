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
import { inspectOnHost, makeUser, onHost, system, taskLog, tb, uid, waitForTask } from "./helpers";
import { startThrottleProxy } from "./throttle-proxy";

// Pulls made slow by a throttling proxy in front of the registry: cancel mid-pull, and a command
// that outlives TAO_COMMAND_TIMEOUT_SECONDS.

const [registryHost, registryPort] = tb.registry.host.split(":") as [string, string];
let proxy: Awaited<ReturnType<typeof startThrottleProxy>>;
let worker: Awaited<ReturnType<typeof startDeployProcessor>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
const HOST = 2;

async function fixture(tag: string) {
  const id = uid();
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

async function forgetImage(tag: string) {
  await onHost(HOST, (conn) => conn.exec(`podman rmi -f ${proxy.url}/demo/component-b:${tag}`));
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
    await forgetImage("v1.2.0");
    const before = await inspectOnHost(HOST, "component-b");
    const f = await fixture("v1.2.0");
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
    expect(ps.stdout).not.toContain(`pull ${proxy.url}/demo/component-b:v1.2.0`);
    expect((await inspectOnHost(HOST, "component-b"))?.image).toBe(before?.image);
  });

  it("a command running past TAO_COMMAND_TIMEOUT_SECONDS fails the task with a clear last line", async () => {
    await forgetImage("v1.1.0");
    const f = await fixture("v1.1.0");
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
