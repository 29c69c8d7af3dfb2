import { z } from "zod";
import type { AuditActor } from "@/lib/audit/write-audit";
import { writeAudit } from "@/lib/audit/write-audit";
import { recordBuild, ZBuildInput } from "@/lib/catalog/builds";
import { db } from "@/lib/db";
import { BadRequestError, NotFoundError } from "@/lib/errors";
import { componentsForProject } from "@/lib/gitlab/project-components";

// POST /api/v1/builds: CI (or a person) reports that an image tag exists. The component is named
// by id, by GitLab project path (every component mapped to it), or by product and component name.

export const ZReportBuild = z
  .object({
    componentId: z.string().min(1).optional(),
    project: z.string().trim().min(1).max(255).optional(),
    product: z.string().trim().min(1).max(120).optional(),
    component: z.string().trim().min(1).max(128).optional(),
    tag: ZBuildInput.shape.tag,
    gitRef: ZBuildInput.shape.gitRef,
    commitSha: ZBuildInput.shape.commitSha,
  })
  .refine((b) => b.componentId || b.project || (b.product && b.component), {
    message: "Name the component: componentId, project (GitLab path), or product and component",
  });
export type TReportBuild = z.input<typeof ZReportBuild>;

async function targets(req: z.infer<typeof ZReportBuild>) {
  if (req.componentId) {
    const c = await db.component.findUnique({
      where: { id: req.componentId },
      select: { id: true, name: true },
    });
    if (!c) throw new NotFoundError("Component");
    return [c];
  }
  if (req.project) {
    const list = await componentsForProject(req.project);
    if (list.length === 0) throw new NotFoundError(`A component mapped to GitLab project "${req.project}"`);
    return list;
  }
  const c = await db.component.findFirst({
    where: { name: req.component, product: { name: req.product } },
    select: { id: true, name: true },
  });
  if (!c) throw new NotFoundError(`Component "${req.component}" of product "${req.product}"`);
  return [c];
}

export async function reportBuild(actor: AuditActor, input: TReportBuild) {
  const req = ZReportBuild.parse(input);
  const list = await targets(req);
  if (list.length > 50) throw new BadRequestError("More than 50 components match");
  const builds = [];
  for (const c of list) {
    const b = await recordBuild({
      componentId: c.id,
      tag: req.tag,
      gitRef: req.gitRef,
      commitSha: req.commitSha,
      source: "ci",
    });
    builds.push({
      id: b.id,
      componentId: c.id,
      component: c.name,
      tag: b.tag,
      gitRef: b.gitRef,
      commitSha: b.commitSha,
    });
  }
  await writeAudit(actor, {
    action: "build.report",
    targetType: "build",
    targetId: builds.map((b) => b.id).join(","),
    detail: { tag: req.tag, gitRef: req.gitRef, components: builds.map((b) => b.component) },
  });
  return { builds };
}

export const ZBuildListQuery = z.object({
  componentId: z.string().min(1).optional(),
  gitRef: z.string().trim().max(255).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function listBuilds(input: z.input<typeof ZBuildListQuery>) {
  const q = ZBuildListQuery.parse(input);
  return db.build.findMany({
    where: {
      ...(q.componentId ? { componentId: q.componentId } : {}),
      ...(q.gitRef ? { gitRef: q.gitRef } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: q.limit,
    include: { component: { select: { id: true, name: true, productId: true } } },
  });
}
