import { z } from "zod";
import type { Principal } from "@/lib/auth/permissions";
import { latestBuildsForRef } from "@/lib/catalog/builds";
import { db } from "@/lib/db";
import { BadRequestError, NotFoundError } from "@/lib/errors";
import { componentsForProject, productsOf } from "@/lib/gitlab/project-components";
import { createTask } from "@/lib/tasks/create-task";

// POST /api/v1/cci/deploy: the CI script's tao_deploy. A feature branch of the project's product
// is deployed as one (its base release with the branch's builds); any other branch deploys the
// newest builds of that branch for the project's components.

export const ZDeployBranch = z.object({
  project: z.string().trim().min(1).max(255),
  branch: z.string().trim().min(1).max(255),
  environment: z.string().trim().min(1).max(120),
});
export type TDeployBranch = z.input<typeof ZDeployBranch>;

export async function deployBranch(principal: Principal, input: TDeployBranch) {
  const req = ZDeployBranch.parse(input);
  const components = await componentsForProject(req.project);
  if (components.length === 0)
    throw new NotFoundError(`A component mapped to GitLab project "${req.project}"`);
  const products = productsOf(components);
  const feature = await db.featureBranch.findFirst({
    where: { branch: req.branch, productId: { in: products.map((p) => p.id) }, status: { not: "closed" } },
    select: { id: true },
  });
  if (feature) {
    return createTask(principal, {
      type: "feature",
      environment: req.environment,
      featureBranchId: feature.id,
    });
  }
  const mine = new Set(components.map((c) => c.id));
  const builds = (await Promise.all(products.map((p) => latestBuildsForRef(p.id, req.branch))))
    .flat()
    .filter((b) => mine.has(b.componentId));
  if (builds.length === 0)
    throw new BadRequestError(
      `No build of ${req.project} on ${req.branch} yet: report one first (tao_report_build)`,
    );
  return createTask(principal, {
    type: "components",
    environment: req.environment,
    components: builds.map((b) => ({ componentId: b.componentId, tag: b.tag })),
  });
}
