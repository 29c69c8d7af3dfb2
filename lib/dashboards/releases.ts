import { db } from "@/lib/db";
import type { RunningSet } from "./compare";
import { environmentsOverview } from "./environments";

// Read model of the releases dashboard: per product its releases, their bill of materials and
// where each one runs; plus what every environment runs, for the client-side diff.

export type ReleaseCard = {
  id: string;
  version: string;
  status: string;
  notes: string;
  createdAt: string;
  items: { componentId: string; name: string; tag: string }[];
  /** environments whose inventory of this product matches the release exactly */
  runningIn: { id: string; name: string }[];
};

export type ProductReleases = {
  id: string;
  name: string;
  description: string;
  components: { id: string; name: string }[];
  releases: ReleaseCard[];
};

export type EnvironmentRunning = {
  id: string;
  name: string;
  protected: boolean;
  /** per product id: its components running there */
  byProduct: Record<string, RunningSet[]>;
};

export type ReleasesOverview = { products: ProductReleases[]; environments: EnvironmentRunning[] };

export async function releasesOverview(): Promise<ReleasesOverview> {
  const [products, environments] = await Promise.all([
    db.product.findMany({
      orderBy: { name: "asc" },
      include: {
        components: { orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } },
        releases: {
          orderBy: { createdAt: "desc" },
          include: { items: { select: { componentId: true, tag: true } } },
        },
      },
    }),
    environmentsOverview(),
  ]);

  const runsIn = new Map<string, { id: string; name: string }[]>();
  for (const env of environments)
    for (const m of env.matches)
      if (m.match.kind === "match")
        runsIn.set(m.match.release.id, [
          ...(runsIn.get(m.match.release.id) ?? []),
          { id: env.id, name: env.name },
        ]);

  return {
    products: products.map((p) => {
      const order = new Map(p.components.map((c, i) => [c.id, i]));
      const names = new Map(p.components.map((c) => [c.id, c.name]));
      return {
        id: p.id,
        name: p.name,
        description: p.description,
        components: p.components,
        releases: p.releases.map((r) => ({
          id: r.id,
          version: r.version,
          status: r.status,
          notes: r.notes,
          createdAt: r.createdAt.toISOString(),
          items: r.items
            .map((i) => ({ componentId: i.componentId, name: names.get(i.componentId) ?? "?", tag: i.tag }))
            .sort((a, b) => (order.get(a.componentId) ?? 0) - (order.get(b.componentId) ?? 0)),
          runningIn: runsIn.get(r.id) ?? [],
        })),
      };
    }),
    environments: environments.map((env) => {
      const byProduct: Record<string, RunningSet[]> = {};
      for (const c of env.components) {
        if (c.tags.length === 0) continue;
        const list = byProduct[c.productId] ?? [];
        list.push({ componentId: c.componentId, name: c.name, tags: c.tags });
        byProduct[c.productId] = list;
      }
      return { id: env.id, name: env.name, protected: env.protected, byProduct };
    }),
  };
}
