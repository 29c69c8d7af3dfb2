import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Principal } from "@/lib/auth/permissions";
import { createComponent } from "@/lib/catalog/components";
import { createProduct } from "@/lib/catalog/products";
import { createRelease } from "@/lib/catalog/releases";
import { db } from "@/lib/db";
import { readTestbed, type TestbedHost } from "@/lib/demo/testbed";
import { type ContainerState, parseInspect } from "@/lib/deploy/container-state";
import { remoteCommand } from "@/lib/deploy/remote-command";
import { SshConnection } from "@/lib/deploy/ssh-connection";
import type { TRole } from "@/lib/domain/enums";
import type { THealthCheck } from "@/lib/domain/health-check";
import type { TRunOptionsOverride } from "@/lib/domain/run-options";
import { createEnvironment } from "@/lib/environments/environments";
import { createHost } from "@/lib/environments/hosts";
import { createRegistry } from "@/lib/environments/registries";
import { createUser } from "@/lib/users/users";

// Test data made through the same lib functions the app uses; names are unique per call.

export const tb = readTestbed();
export const system = { system: "test" };
export const uid = () => randomBytes(4).toString("hex");

export async function makeUser(role: TRole): Promise<Principal & { token: string }> {
  const username = `${role}-${uid()}`;
  const user = await createUser(system, { username, role, password: "password-123" });
  const { token } = await createApiToken(user.id, { name: "test", scopes: ["admin"], expiresInDays: 1 });
  return { userId: user.id, username, role, token };
}

type ComponentSpec = {
  name: string;
  repo: string;
  tag: string;
  healthCheck?: THealthCheck;
  layer?: "app" | "env-middleware" | "shared-middleware";
  sortOrder?: number;
};

/** A product with components, a release of them, and an environment on the given testbed hosts. */
export async function makeDeployFixture(opts: {
  hosts: number[];
  components: ComponentSpec[];
  registryPassword?: string;
  overrides?: Record<string, TRunOptionsOverride>;
  hostPatch?: Partial<{ port: number; password: string; address: string }>;
  protected?: boolean;
}) {
  const id = uid();
  const product = await createProduct(system, { name: `product-${id}` });
  const components = [];
  for (const c of opts.components) {
    components.push(
      await createComponent(system, {
        productId: product.id,
        name: c.name,
        image: `${tb.registry.host}/${c.repo}`,
        layer: c.layer ?? "app",
        sortOrder: c.sortOrder ?? 0,
        healthCheck: c.healthCheck ?? { kind: "none" },
      }),
    );
  }
  const release = await createRelease(system, {
    productId: product.id,
    version: `v-${id}`,
    items: components.map((c, i) => ({ componentId: c.id, tag: opts.components[i]!.tag })),
  });
  const registry = await createRegistry(system, {
    name: `registry-${id}`,
    url: tb.registry.host,
    username: tb.registry.username,
    password: opts.registryPassword ?? tb.registry.password,
  });
  const environment = await createEnvironment(system, {
    name: `env-${id}`,
    registryId: registry.id,
    overrides: opts.overrides ?? {},
    protected: opts.protected ?? false,
  });
  const hosts = [];
  for (const i of opts.hosts) {
    const h = tb.hosts[i]!;
    hosts.push(
      await createHost(system, {
        environmentId: environment.id,
        name: `${h.name}-${id}`,
        address: opts.hostPatch?.address ?? h.address,
        port: opts.hostPatch?.port ?? h.port,
        username: h.username,
        authMethod: "password",
        secret: opts.hostPatch?.password ?? h.password,
        containerCli: "podman",
      }),
    );
  }
  return { product, components, release, registry, environment, hosts };
}

/** Runs a command on a testbed host as its user, over SSH with the testbed's key. */
export async function onHost<T>(
  index: number,
  fn: (conn: SshConnection, host: TestbedHost) => Promise<T>,
): Promise<T> {
  const host = tb.hosts[index]!;
  const conn = await SshConnection.open(
    {
      address: host.address,
      port: host.port,
      username: host.username,
      privateKey: fs.readFileSync(host.privateKeyPath, "utf8"),
    },
    15_000,
  );
  try {
    return await fn(conn, host);
  } finally {
    conn.close();
  }
}

export async function inspectOnHost(
  index: number,
  name: string,
): Promise<(ContainerState & { raw: Record<string, unknown> }) | undefined> {
  return onHost(index, async (conn) => {
    const res = await conn.exec(remoteCommand("podman", { op: "inspect", name }));
    if (res.code !== 0) return undefined;
    const state = parseInspect(res.stdout);
    return state && { ...state, raw: (JSON.parse(res.stdout) as Record<string, unknown>[])[0]! };
  });
}

/** Removes the named containers (and their parked copies) so a test starts from a known state. */
export async function clearContainers(index: number, names: string[]) {
  await onHost(index, async (conn) => {
    for (const name of names.flatMap((n) => [n, `${n}.tao-prev`]))
      await conn.exec(remoteCommand("podman", { op: "rm", names: [name] }));
  });
}

export async function waitForTask(taskId: number, statuses: string[], timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
    if (statuses.includes(task.status)) return task;
    if (Date.now() > deadline)
      throw new Error(`task ${taskId} is ${task.status}, expected ${statuses.join("|")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function taskLog(taskId: number): Promise<string[]> {
  const rows = await db.taskLogLine.findMany({ where: { taskId }, orderBy: { seq: "asc" } });
  return rows.map((r) => r.line);
}
