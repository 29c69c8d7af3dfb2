import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";

// release = iteration: for a workspace mapped to a product, every iteration gets a release of that
// product whose version is the iteration's name (an existing release with that version is reused).
// A renamed iteration renames its release unless the product already has the new version.

const TAPD_ACTOR = { system: "tapd" };

/** Returns how many releases were created. */
export async function ensureIterationReleases(workspaceId: string): Promise<number> {
  const ws = await db.tapdWorkspace.findUnique({ where: { id: workspaceId }, select: { productId: true } });
  const productId = ws?.productId;
  if (!productId) return 0;
  const iterations = await db.tapdIteration.findMany({
    where: { workspaceId },
    include: { release: { select: { id: true, productId: true, version: true } } },
    orderBy: { created: "asc" },
  });
  let created = 0;
  for (const it of iterations) {
    if (it.release?.productId === productId) {
      if (it.release.version !== it.name) await renameRelease(it.release.id, productId, it.name);
      continue;
    }
    const existing = await db.release.findUnique({
      where: { productId_version: { productId, version: it.name } },
      select: { id: true },
    });
    let releaseId = existing?.id;
    if (!releaseId) {
      const release = await db.release.create({
        data: {
          productId,
          version: it.name,
          status: it.status === "done" ? "released" : "draft",
          notes: `TAPD iteration ${it.name} (${it.id})`,
        },
      });
      releaseId = release.id;
      created++;
      await writeAudit(TAPD_ACTOR, {
        action: "release.create",
        targetType: "release",
        targetId: release.id,
        detail: { productId, version: it.name, iterationId: it.id },
      });
    }
    await db.tapdIteration.update({ where: { id: it.id }, data: { releaseId } });
  }
  return created;
}

async function renameRelease(releaseId: string, productId: string, version: string) {
  const taken = await db.release.findUnique({
    where: { productId_version: { productId, version } },
    select: { id: true },
  });
  if (taken) return;
  await db.release.update({ where: { id: releaseId }, data: { version } });
  await writeAudit(TAPD_ACTOR, {
    action: "release.update",
    targetType: "release",
    targetId: releaseId,
    detail: { version },
  });
}
