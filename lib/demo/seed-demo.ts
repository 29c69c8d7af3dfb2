import { recordBuild } from "@/lib/catalog/builds";
import { createComponent, updateComponent } from "@/lib/catalog/components";
import { upsertFeatureBranch } from "@/lib/catalog/feature-branches";
import { createProduct } from "@/lib/catalog/products";
import { createRelease, updateRelease } from "@/lib/catalog/releases";
import { db } from "@/lib/db";
import { createEnvironment } from "@/lib/environments/environments";
import { createHost, updateHost } from "@/lib/environments/hosts";
import { createRegistry, updateRegistry } from "@/lib/environments/registries";
import { createUser, updateUser } from "@/lib/users/users";
import type { Testbed } from "./testbed";

// Demo data shaped like the original's: two products, releases, a feature branch, environments on
// the local testbed, and one user per role. Idempotent: running it again updates, never duplicates.

const actor = { system: "demo-seed" };

export const DEMO_USERS = [
  { username: "admin", role: "admin", displayName: "Admin", password: "tao-admin-demo" },
  { username: "qa", role: "deployer", displayName: "QA", password: "tao-qa-demo" },
  { username: "viewer", role: "viewer", displayName: "Viewer", password: "tao-viewer-demo" },
] as const;

const MONITOR_V110: Record<string, string> = {
  ops: "v1.1.0",
  sql: "v1.0.0",
  testcase: "v1.1.0",
  common: "v1.0.1",
  agent: "v1.1.0",
  graph: "v1.0.2",
  api: "v1.1.0",
  alarm: "v1.1.0",
  "self-monitor": "v1.1.0",
};
const DEMO_COMPONENTS = ["component-a", "component-b", "component-c", "component-d"];
const FEATURE_TAG = "feature_base_demo-1a2b3c4";

export const DEMO_ENVIRONMENTS = [
  { name: "test-1", host: 0, protected: false, description: "QA test environment 1" },
  { name: "test-2", host: 1, protected: false, description: "QA test environment 2" },
  { name: "customer-demo", host: 2, protected: true, description: "Customer-facing demo (protected)" },
];

async function ensureUsers() {
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { username: u.username } });
    if (existing) await updateUser(actor, existing.id, u);
    else await createUser(actor, u);
  }
}

async function ensureProduct(name: string, description: string) {
  return (await db.product.findUnique({ where: { name } })) ?? createProduct(actor, { name, description });
}

async function ensureComponent(
  productId: string,
  name: string,
  image: string,
  port: number,
  sortOrder: number,
) {
  const input = {
    productId,
    name,
    image,
    layer: "app" as const,
    sortOrder,
    healthCheck: { kind: "http" as const, url: `http://127.0.0.1:${port}/`, timeoutSeconds: 20 },
  };
  const existing = await db.component.findUnique({ where: { productId_name: { productId, name } } });
  return existing ? updateComponent(actor, existing.id, input) : createComponent(actor, input);
}

async function ensureRelease(
  productId: string,
  version: string,
  items: { componentId: string; tag: string }[],
) {
  const input = { productId, version, status: "released" as const, items };
  const existing = await db.release.findUnique({ where: { productId_version: { productId, version } } });
  for (const item of items)
    await recordBuild({ componentId: item.componentId, tag: item.tag, gitRef: version, source: "seed" });
  return existing ? updateRelease(actor, existing.id, input) : createRelease(actor, input);
}

async function seedProduct(
  tb: Testbed,
  name: string,
  description: string,
  namespace: string,
  componentNames: string[],
) {
  const product = await ensureProduct(name, description);
  const components = new Map<string, string>();
  for (const [i, c] of componentNames.entries()) {
    const image = tb.images[`${namespace}/${c}`];
    if (!image) throw new Error(`the testbed has no image ${namespace}/${c}`);
    const row = await ensureComponent(product.id, c, `${tb.registry.host}/${namespace}/${c}`, image.port, i);
    components.set(c, row.id);
  }
  return { product, components };
}

export async function seedDemo(tb: Testbed) {
  await ensureUsers();

  const monitor = await seedProduct(
    tb,
    "监控系统",
    "Monitoring system (open-falcon based)",
    "monitor",
    Object.keys(MONITOR_V110),
  );
  const all = (tag: string) => [...monitor.components].map(([, componentId]) => ({ componentId, tag }));
  await ensureRelease(monitor.product.id, "v1.0.0", all("v1.0.0"));
  await ensureRelease(
    monitor.product.id,
    "v1.1.0",
    [...monitor.components].map(([name, componentId]) => ({ componentId, tag: MONITOR_V110[name]! })),
  );
  await ensureRelease(monitor.product.id, "v1.2.0", all("v1.2.0"));

  const demo = await seedProduct(
    tb,
    "私有化产品Demo",
    "Private-deployment product demo",
    "demo",
    DEMO_COMPONENTS,
  );
  const demoAll = (tag: string) => [...demo.components].map(([, componentId]) => ({ componentId, tag }));
  await ensureRelease(demo.product.id, "v1.0.0", demoAll("v1.0.0"));
  const v110 = await ensureRelease(demo.product.id, "v1.1.0", demoAll("v1.1.0"));
  await ensureRelease(demo.product.id, "v1.2.0", demoAll("v1.2.0"));
  for (const c of ["component-a", "component-b"]) {
    await recordBuild({
      componentId: demo.components.get(c)!,
      tag: FEATURE_TAG,
      gitRef: "feature_base_demo",
      commitSha: "1a2b3c4",
      source: "seed",
    });
  }
  await upsertFeatureBranch(actor, {
    productId: demo.product.id,
    branch: "feature_base_demo",
    title: "基本功能演示",
    baseReleaseId: v110.id,
    status: "open",
  });

  const registryInput = {
    name: "testbed",
    url: tb.registry.host,
    username: tb.registry.username,
    password: tb.registry.password,
  };
  const existingRegistry = await db.registry.findUnique({ where: { name: "testbed" } });
  const registry = existingRegistry
    ? await updateRegistry(actor, existingRegistry.id, registryInput)
    : await createRegistry(actor, registryInput);

  for (const env of DEMO_ENVIRONMENTS) {
    const host = tb.hosts[env.host];
    if (!host) continue;
    const environment =
      (await db.environment.findUnique({ where: { name: env.name } })) ??
      (await createEnvironment(actor, {
        name: env.name,
        description: env.description,
        protected: env.protected,
        dnsDomain: `${env.name}.test.local`,
        registryId: registry.id,
      }));
    const hostInput = {
      environmentId: environment.id,
      name: `${host.name}.testbed.local`,
      address: host.address,
      port: host.port,
      username: host.username,
      authMethod: "password" as const,
      secret: host.password,
      containerCli: host.containerCli,
    };
    const existingHost = await db.host.findUnique({
      where: { environmentId_name: { environmentId: environment.id, name: hostInput.name } },
    });
    if (existingHost) await updateHost(actor, existingHost.id, hostInput);
    else await createHost(actor, hostInput);
  }
}
