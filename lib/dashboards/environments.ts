import { db } from "@/lib/db";
import { FINAL_TASK_STATUSES } from "@/lib/domain/enums";
import { NotFoundError } from "@/lib/errors";
import type { Drift } from "@/lib/inventory/drift";
import { matchRelease, type ReleaseLike, type ReleaseMatch, type RunningSet, runningTag } from "./compare";
import { type TaskBrief, taskBriefInclude, toTaskBrief } from "./task-brief";

// Read models of the environments dashboard and the environment page: plain JSON-able objects.

export type HostBrief = { id: string; name: string; address: string };

export type InventoryCell = {
  hostId: string;
  /** the tag the host runs (see runningTag); null when the container is gone */
  tag: string | null;
  /** what tao deployed there */
  deployedTag: string;
  drift: Drift;
  observedImage: string | null;
  observedState: string | null;
  observedAt: string | null;
  deployedAt: string;
  taskId: number | null;
};

export type RunningComponent = RunningSet & {
  productId: string;
  productName: string;
  layer: string;
  sortOrder: number;
  cells: InventoryCell[];
  /** true when any host's copy differs from what tao deployed (or was not checked) */
  drifted: boolean;
};

export type ProductMatch = { productId: string; productName: string; match: ReleaseMatch };

export type EnvironmentSummary = {
  id: string;
  name: string;
  description: string;
  protected: boolean;
  dnsDomain: string;
  hosts: HostBrief[];
  components: RunningComponent[];
  matches: ProductMatch[];
  lastTask: TaskBrief | null;
  runningTask: TaskBrief | null;
  waiting: number;
};

type InventoryRow = Awaited<ReturnType<typeof loadInventory>>[number];

function loadInventory(environmentId?: string) {
  return db.inventoryItem.findMany({
    where: environmentId ? { environmentId } : {},
    include: {
      component: {
        select: {
          id: true,
          name: true,
          layer: true,
          sortOrder: true,
          productId: true,
          product: { select: { name: true } },
        },
      },
    },
  });
}

/** Releases per product, newest first, as the matcher needs them. */
export async function releasesByProduct(): Promise<Map<string, ReleaseLike[]>> {
  const rows = await db.release.findMany({
    where: { status: { not: "archived" } },
    orderBy: { createdAt: "desc" },
    select: { id: true, version: true, productId: true, items: { select: { componentId: true, tag: true } } },
  });
  const out = new Map<string, ReleaseLike[]>();
  for (const r of rows) out.set(r.productId, [...(out.get(r.productId) ?? []), r]);
  return out;
}

/** One row per component of an environment, its hosts as cells; ordered by product and component. */
export function runningComponents(items: InventoryRow[]): RunningComponent[] {
  const byComponent = new Map<string, RunningComponent>();
  for (const item of items) {
    const { tag, drift } = runningTag(item);
    const cell: InventoryCell = {
      hostId: item.hostId,
      tag,
      deployedTag: item.tag,
      drift,
      observedImage: item.observedImage,
      observedState: item.observedState,
      observedAt: item.observedAt?.toISOString() ?? null,
      deployedAt: item.deployedAt.toISOString(),
      taskId: item.taskId,
    };
    const c = item.component;
    const row = byComponent.get(c.id) ?? {
      componentId: c.id,
      name: c.name,
      tags: [],
      productId: c.productId,
      productName: c.product.name,
      layer: c.layer,
      sortOrder: c.sortOrder,
      cells: [],
      drifted: false,
    };
    row.cells.push(cell);
    if (tag && !row.tags.includes(tag)) row.tags.push(tag);
    if (drift !== "in-sync" && drift !== "unchecked") row.drifted = true;
    byComponent.set(c.id, row);
  }
  return [...byComponent.values()]
    .map((r) => ({ ...r, tags: r.tags.sort() }))
    .sort(
      (a, b) =>
        a.productName.localeCompare(b.productName) ||
        a.sortOrder - b.sortOrder ||
        a.name.localeCompare(b.name),
    );
}

/** Per product present in the environment: the release it matches, or the closest one. */
export function productMatches(
  components: RunningComponent[],
  releases: Map<string, ReleaseLike[]>,
  componentNames: Map<string, string>,
): ProductMatch[] {
  const products = new Map<string, { name: string; running: RunningSet[] }>();
  for (const c of components) {
    if (c.tags.length === 0) continue; // gone from every host
    const p = products.get(c.productId) ?? { name: c.productName, running: [] };
    p.running.push({ componentId: c.componentId, name: c.name, tags: c.tags });
    products.set(c.productId, p);
  }
  const out: ProductMatch[] = [];
  for (const [productId, p] of products) {
    const match = matchRelease(p.running, releases.get(productId) ?? [], componentNames);
    if (match) out.push({ productId, productName: p.name, match });
  }
  return out.sort((a, b) => a.productName.localeCompare(b.productName));
}

async function componentNameMap() {
  const rows = await db.component.findMany({ select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function taskState(environmentIds: string[]) {
  const [running, waiting, last] = await Promise.all([
    db.task.findMany({
      where: { status: "running", environmentId: { in: environmentIds } },
      include: taskBriefInclude,
    }),
    db.task.groupBy({
      by: ["environmentId"],
      where: { status: "waiting", environmentId: { in: environmentIds } },
      _count: { _all: true },
    }),
    Promise.all(
      environmentIds.map((environmentId) =>
        db.task.findFirst({
          where: { environmentId, status: { in: [...FINAL_TASK_STATUSES] } },
          orderBy: { id: "desc" },
          include: taskBriefInclude,
        }),
      ),
    ),
  ]);
  return {
    running: new Map(running.map((t) => [t.environmentId, toTaskBrief(t)])),
    waiting: new Map(waiting.map((w) => [w.environmentId, w._count._all])),
    last: new Map(last.filter((t) => t !== null).map((t) => [t.environmentId, toTaskBrief(t)])),
  };
}

/** Every environment with its hosts, what runs there, the release it matches and its task state. */
export async function environmentsOverview(): Promise<EnvironmentSummary[]> {
  const [environments, inventory, releases, names] = await Promise.all([
    db.environment.findMany({
      orderBy: { name: "asc" },
      include: { hosts: { orderBy: { name: "asc" }, select: { id: true, name: true, address: true } } },
    }),
    loadInventory(),
    releasesByProduct(),
    componentNameMap(),
  ]);
  const tasks = await taskState(environments.map((e) => e.id));
  const byEnvironment = new Map<string, InventoryRow[]>();
  for (const item of inventory)
    byEnvironment.set(item.environmentId, [...(byEnvironment.get(item.environmentId) ?? []), item]);
  return environments.map((e) => {
    const components = runningComponents(byEnvironment.get(e.id) ?? []);
    return {
      id: e.id,
      name: e.name,
      description: e.description,
      protected: e.protected,
      dnsDomain: e.dnsDomain,
      hosts: e.hosts,
      components,
      matches: productMatches(components, releases, names),
      lastTask: tasks.last.get(e.id) ?? null,
      runningTask: tasks.running.get(e.id) ?? null,
      waiting: tasks.waiting.get(e.id) ?? 0,
    };
  });
}

export type EnvironmentDetail = EnvironmentSummary & {
  /** hosts with the components they are limited to (empty = all) */
  hostDetails: (HostBrief & { port: number; components: string[]; containerCli: string })[];
  history: TaskBrief[];
  taskCount: number;
};

/** One environment: the component × host matrix, drift, and its recent tasks. */
export async function environmentDetail(id: string, historyLimit = 20): Promise<EnvironmentDetail> {
  const env = await db.environment.findUnique({
    where: { id },
    include: {
      hosts: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, address: true, port: true, components: true, containerCli: true },
      },
    },
  });
  if (!env) throw new NotFoundError("Environment");
  const [inventory, releases, names, tasks, history, taskCount] = await Promise.all([
    loadInventory(id),
    releasesByProduct(),
    componentNameMap(),
    taskState([id]),
    db.task.findMany({
      where: { environmentId: id },
      orderBy: { id: "desc" },
      take: historyLimit,
      include: taskBriefInclude,
    }),
    db.task.count({ where: { environmentId: id } }),
  ]);
  const components = runningComponents(inventory);
  return {
    id: env.id,
    name: env.name,
    description: env.description,
    protected: env.protected,
    dnsDomain: env.dnsDomain,
    hosts: env.hosts.map((h) => ({ id: h.id, name: h.name, address: h.address })),
    hostDetails: env.hosts.map((h) => ({
      ...h,
      components: h.components
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    })),
    components,
    matches: productMatches(components, releases, names),
    lastTask: tasks.last.get(id) ?? null,
    runningTask: tasks.running.get(id) ?? null,
    waiting: tasks.waiting.get(id) ?? 0,
    history: history.map(toTaskBrief),
    taskCount,
  };
}

/** What runs in each environment, component → distinct tags: the input of every diff. */
export async function runningByEnvironment(): Promise<Record<string, RunningSet[]>> {
  const inventory = await loadInventory();
  const grouped = new Map<string, InventoryRow[]>();
  for (const item of inventory)
    grouped.set(item.environmentId, [...(grouped.get(item.environmentId) ?? []), item]);
  const out: Record<string, RunningSet[]> = {};
  for (const [environmentId, items] of grouped)
    out[environmentId] = runningComponents(items)
      .filter((c) => c.tags.length > 0)
      .map((c) => ({ componentId: c.componentId, name: c.name, tags: c.tags }));
  return out;
}
