import type { z } from "zod";
import { latestBuildsForRef } from "@/lib/catalog/builds";
import { db } from "@/lib/db";
import type { ZFeatureStatus } from "@/lib/domain/enums";
import { type LinkedItem, linkedItemsForFeatures } from "@/lib/tapd/linked-items";
import { type TaskBrief, taskBriefInclude, toTaskBrief } from "./task-brief";

// Read model of the feature-branch dashboard: one card per branch, like the original's.

export type TFeatureStatus = z.infer<typeof ZFeatureStatus>;

export type FeatureCard = {
  id: string;
  productId: string;
  productName: string;
  title: string;
  branch: string;
  status: TFeatureStatus;
  baseRelease: { id: string; version: string } | null;
  lastEnvironment: { id: string; name: string } | null;
  lastTask: TaskBrief | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** the newest build of each component made from the branch */
  builds: { componentId: string; name: string; tag: string; commitSha: string; createdAt: string }[];
  /** stories and bugs linked to the branch, with their current TAPD status */
  links: LinkedItem[];
};

export async function featuresOverview(opts: { includeClosed?: boolean } = {}): Promise<FeatureCard[]> {
  const rows = await db.featureBranch.findMany({
    where: opts.includeClosed ? {} : { status: { not: "closed" } },
    orderBy: [{ updatedAt: "desc" }],
    include: {
      product: { select: { id: true, name: true } },
      baseRelease: { select: { id: true, version: true } },
      lastEnvironment: { select: { id: true, name: true } },
      tasks: { orderBy: { id: "desc" }, take: 1, include: taskBriefInclude },
    },
  });
  const links = await linkedItemsForFeatures(rows.map((f) => f.id));
  return Promise.all(
    rows.map(async (f) => {
      const builds = await latestBuildsForRef(f.productId, f.branch);
      const last = f.tasks[0];
      return {
        id: f.id,
        productId: f.productId,
        productName: f.product.name,
        title: f.title,
        branch: f.branch,
        status: f.status as TFeatureStatus,
        baseRelease: f.baseRelease,
        lastEnvironment: f.lastEnvironment,
        lastTask: last ? toTaskBrief(last) : null,
        createdAt: f.createdAt.toISOString(),
        updatedAt: f.updatedAt.toISOString(),
        closedAt: f.closedAt?.toISOString() ?? null,
        builds: builds
          .map((b) => ({
            componentId: b.componentId,
            name: b.component.name,
            tag: b.tag,
            commitSha: b.commitSha,
            createdAt: b.createdAt.toISOString(),
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        links: links[f.id] ?? [],
      };
    }),
  );
}
