import { z } from "zod";
import { db } from "@/lib/db";
import { ZImageTag } from "@/lib/domain/names";

export const ZBuildInput = z.object({
  componentId: z.string().min(1),
  tag: ZImageTag,
  gitRef: z.string().trim().max(255).default(""),
  commitSha: z
    .string()
    .trim()
    .regex(/^([0-9a-f]{7,64})?$/, "A hex commit id")
    .default(""),
  source: z.enum(["manual", "ci", "gitlab", "seed"]).default("manual"),
});
export type TBuildInput = z.input<typeof ZBuildInput>;

/** Records an image tag of a component; reporting the same tag again updates its git data. */
export function recordBuild(input: TBuildInput) {
  const data = ZBuildInput.parse(input);
  return db.build.upsert({
    where: { componentId_tag: { componentId: data.componentId, tag: data.tag } },
    create: data,
    update: { gitRef: data.gitRef, commitSha: data.commitSha, source: data.source },
  });
}

/** The newest build of each component of a product built from a given git ref. */
export async function latestBuildsForRef(productId: string, gitRef: string) {
  const builds = await db.build.findMany({
    where: { gitRef, component: { productId } },
    orderBy: { createdAt: "desc" },
    include: { component: { select: { id: true, name: true } } },
  });
  const newest = new Map<string, (typeof builds)[number]>();
  for (const b of builds) if (!newest.has(b.componentId)) newest.set(b.componentId, b);
  return [...newest.values()];
}
