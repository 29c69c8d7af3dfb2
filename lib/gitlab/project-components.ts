import { db } from "@/lib/db";

// GitLab project → tao components: Component.gitlabPath (namespace/project, compared without case).

export type TMappedComponent = {
  id: string;
  name: string;
  product: { id: string; name: string; featurePatterns: string };
};

export async function componentsForProject(projectPath: string): Promise<TMappedComponent[]> {
  const wanted = projectPath.trim().toLowerCase();
  if (!wanted) return [];
  const rows = await db.component.findMany({
    where: { gitlabPath: { not: null } },
    select: {
      id: true,
      name: true,
      gitlabPath: true,
      product: { select: { id: true, name: true, featurePatterns: true } },
    },
  });
  return rows
    .filter(
      (r) =>
        r.gitlabPath
          ?.trim()
          .toLowerCase()
          .replace(/\.git$/, "") === wanted,
    )
    .map(({ gitlabPath: _path, ...rest }) => rest);
}

/** The distinct products of these components. */
export function productsOf(components: TMappedComponent[]): TMappedComponent["product"][] {
  return [...new Map(components.map((c) => [c.product.id, c.product])).values()];
}
