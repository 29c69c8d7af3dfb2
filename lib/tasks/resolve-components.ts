import { latestBuildsForRef } from "@/lib/catalog/builds";
import { db } from "@/lib/db";
import { ZLayer } from "@/lib/domain/enums";
import { BadRequestError, NotFoundError } from "@/lib/errors";
import type { TCreateTaskRequest, TTaskParams } from "./task-params";

type Resolved = {
  productId: string | null;
  releaseId: string | null;
  featureBranchId: string | null;
  params: TTaskParams;
};

type ComponentRow = { id: string; name: string; image: string; layer: string };
const item = (c: ComponentRow, tag: string, fromBranch?: boolean) => ({
  componentId: c.id,
  name: c.name,
  repository: c.image,
  tag,
  layer: ZLayer.parse(c.layer),
  ...(fromBranch === undefined ? {} : { fromBranch }),
});
const componentSelect = { id: true, name: true, image: true, layer: true } as const;

/**
 * What a task request deploys: a release's bill of materials; a feature branch = its base release
 * with the branch's newest builds swapped in; or an explicit component → tag list.
 */
export async function resolveComponents(req: TCreateTaskRequest): Promise<Resolved> {
  if (req.type === "release") {
    const release = await db.release.findUnique({
      where: { id: req.releaseId },
      include: { items: { include: { component: { select: componentSelect } } } },
    });
    if (!release) throw new NotFoundError("Release");
    return {
      productId: release.productId,
      releaseId: release.id,
      featureBranchId: null,
      params: { components: release.items.map((i) => item(i.component, i.tag)) },
    };
  }
  if (req.type === "feature") {
    const feature = await db.featureBranch.findUnique({
      where: { id: req.featureBranchId },
      include: {
        baseRelease: { include: { items: { include: { component: { select: componentSelect } } } } },
      },
    });
    if (!feature) throw new NotFoundError("Feature branch");
    if (feature.status === "closed") throw new BadRequestError(`Feature branch ${feature.branch} is closed`);
    if (!feature.baseRelease)
      throw new BadRequestError(`Feature branch ${feature.branch} has no base release to deploy on`);
    const builds = new Map(
      (await latestBuildsForRef(feature.productId, feature.branch)).map((b) => [b.componentId, b.tag]),
    );
    const components = feature.baseRelease.items.map((i) => {
      const branchTag = builds.get(i.componentId);
      return item(i.component, branchTag ?? i.tag, branchTag !== undefined);
    });
    // Components built on the branch but absent from the base release are deployed too.
    for (const [componentId, tag] of builds) {
      if (components.some((c) => c.componentId === componentId)) continue;
      const c = await db.component.findUniqueOrThrow({ where: { id: componentId }, select: componentSelect });
      components.push(item(c, tag, true));
    }
    return {
      productId: feature.productId,
      releaseId: feature.baseRelease.id,
      featureBranchId: feature.id,
      params: { components },
    };
  }
  const ids = req.components.map((c) => c.componentId);
  const rows = await db.component.findMany({
    where: { id: { in: ids } },
    select: { ...componentSelect, productId: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new BadRequestError(`Unknown component(s): ${missing.join(", ")}`);
  const products = new Set(rows.map((r) => r.productId));
  return {
    productId: products.size === 1 ? rows[0]!.productId : null,
    releaseId: null,
    featureBranchId: null,
    params: { components: req.components.map((c) => item(byId.get(c.componentId)!, c.tag)) },
  };
}
