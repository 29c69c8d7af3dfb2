import { db } from "@/lib/db";
import { resolveComponents } from "@/lib/tasks/resolve-components";
import type { RunningSet } from "./compare";
import { runningByEnvironment } from "./environments";

// Everything the deploy form offers: environments, products with their components and known tags,
// releases, open feature branches (resolved the way a task resolves them) and what runs where.

export type DeployComponent = { id: string; name: string; layer: string; tags: string[] };
export type DeployRelease = {
  id: string;
  version: string;
  status: string;
  items: { componentId: string; tag: string }[];
};
export type DeployFeature = {
  id: string;
  branch: string;
  title: string;
  status: string;
  baseVersion: string | null;
  /** base release with the branch's builds swapped in; null when it cannot be deployed */
  components: { componentId: string; name: string; tag: string; fromBranch: boolean }[] | null;
  problem: string | null;
};
export type DeployProduct = {
  id: string;
  name: string;
  components: DeployComponent[];
  releases: DeployRelease[];
  features: DeployFeature[];
};
export type DeployOptions = {
  environments: { id: string; name: string; protected: boolean; description: string; hosts: number }[];
  products: DeployProduct[];
  running: Record<string, RunningSet[]>;
};

const TAGS_PER_COMPONENT = 30;

export async function deployOptions(): Promise<DeployOptions> {
  const [environments, products, builds, features, running] = await Promise.all([
    db.environment.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        protected: true,
        description: true,
        _count: { select: { hosts: true } },
      },
    }),
    db.product.findMany({
      orderBy: { name: "asc" },
      include: {
        components: {
          orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
          select: { id: true, name: true, layer: true },
        },
        releases: {
          where: { status: { not: "archived" } },
          orderBy: { createdAt: "desc" },
          include: { items: { select: { componentId: true, tag: true } } },
        },
      },
    }),
    db.build.findMany({
      orderBy: { createdAt: "desc" },
      select: { componentId: true, tag: true },
      take: 20_000,
    }),
    db.featureBranch.findMany({
      where: { status: { not: "closed" } },
      orderBy: { updatedAt: "desc" },
      include: { baseRelease: { select: { version: true } } },
    }),
    runningByEnvironment(),
  ]);

  const tags = new Map<string, string[]>();
  for (const b of builds) {
    const list = tags.get(b.componentId) ?? [];
    if (list.length < TAGS_PER_COMPONENT && !list.includes(b.tag)) list.push(b.tag);
    tags.set(b.componentId, list);
  }

  const resolved = await Promise.all(
    features.map(async (f): Promise<DeployFeature & { productId: string }> => {
      const base = {
        id: f.id,
        productId: f.productId,
        branch: f.branch,
        title: f.title,
        status: f.status,
        baseVersion: f.baseRelease?.version ?? null,
      };
      try {
        const r = await resolveComponents({ type: "feature", environment: "-", featureBranchId: f.id });
        return {
          ...base,
          components: r.params.components.map((c) => ({
            componentId: c.componentId,
            name: c.name,
            tag: c.tag,
            fromBranch: c.fromBranch === true,
          })),
          problem: null,
        };
      } catch (err) {
        return { ...base, components: null, problem: err instanceof Error ? err.message : String(err) };
      }
    }),
  );

  return {
    environments: environments.map((e) => ({
      id: e.id,
      name: e.name,
      protected: e.protected,
      description: e.description,
      hosts: e._count.hosts,
    })),
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      components: p.components.map((c) => ({ ...c, tags: tags.get(c.id) ?? [] })),
      releases: p.releases.map((r) => ({ id: r.id, version: r.version, status: r.status, items: r.items })),
      features: resolved.filter((f) => f.productId === p.id).map(({ productId: _p, ...f }) => f),
    })),
    running,
  };
}
