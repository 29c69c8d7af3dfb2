import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteLink } from "@/app/api/v1/tapd/links/[id]/route";
import { GET as getLinks, POST as postLink } from "@/app/api/v1/tapd/links/route";
import { upsertFeatureBranch } from "@/lib/catalog/feature-branches";
import { createProduct } from "@/lib/catalog/products";
import { db } from "@/lib/db";
import { linkBranchNames, linkFromText } from "@/lib/tapd/link-features";
import { type LinkedItem, linkedItemsForFeatures } from "@/lib/tapd/linked-items";
import { mapWorkspaceToProduct } from "@/lib/tapd/workspaces";
import { FakeTapd } from "../fakes/tapd-server";
import {
  bugId,
  configureTapd,
  makeTapdUser,
  newWorkspaceId,
  seedWorkspace,
  storyId,
  syncNow,
  system,
  uid,
} from "./tapd-helpers";

// Stories and bugs linked to feature branches: by a TAPD id in the branch name, an MR title or a
// commit message (short or long ids), and by hand through the API; shown with their TAPD status.

let fake: FakeTapd;
let ws: string;
let productId: string;
beforeAll(async () => {
  fake = await FakeTapd.start();
  ws = newWorkspaceId();
  seedWorkspace(fake, ws, { stories: 3, bugs: 3 });
  fake.statusMaps.set(`${ws}:story`, { planning: "规划中", developing: "开发中" });
  await configureTapd(fake, [ws]);
  await syncNow();
  const product = await createProduct(system, { name: `links-${uid()}` });
  productId = product.id;
  await mapWorkspaceToProduct(system, ws, { productId });
});
afterAll(async () => {
  await fake?.close();
});

const feature = (branch: string) => upsertFeatureBranch(system, { productId, branch, title: branch });
const call = (handler: typeof getLinks, url: string, init: RequestInit = {}, params: object = {}) =>
  handler(new Request(`http://tao.test${url}`, init), { params: Promise.resolve(params as never) });

describe("TAPD links", () => {
  it("links by a short id in the branch name, resolved in the mapped workspace", async () => {
    const fb = await feature(`feature/story-1002001-login-${uid()}`);
    expect(await linkBranchNames()).toBeGreaterThanOrEqual(1);
    const items = (await linkedItemsForFeatures([fb.id]))[fb.id]!;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      entityType: "story",
      id: storyId(ws, 1), // "11" + workspace + 001002001
      shortId: "1002001",
      title: "需求 1",
      status: "developing",
      statusLabel: "开发中",
      done: false,
      source: "branch",
    } satisfies Partial<LinkedItem>);
    // scanning again adds nothing
    await linkBranchNames();
    expect((await linkedItemsForFeatures([fb.id]))[fb.id]).toHaveLength(1);
  });

  it("links by MR title and commit message, short and long ids", async () => {
    const fb = await feature(`feature_${uid()}`);
    expect(
      await linkFromText({
        featureBranchId: fb.id,
        text: "Fix crash on save --bug=1003002",
        source: "mr_title",
        sourceRef: "!12",
      }),
    ).toBe(1);
    const longId = storyId(ws, 2);
    expect(
      await linkFromText({
        featureBranchId: fb.id,
        text: `wip\n\n--story=${longId} --user=alice`,
        source: "commit",
        sourceRef: "abc123",
      }),
    ).toBe(1);
    // the same bug named again in a commit keeps its first source
    expect(await linkFromText({ featureBranchId: fb.id, text: "more --bug=1003002", source: "commit" })).toBe(
      0,
    );

    const items = (await linkedItemsForFeatures([fb.id]))[fb.id]!;
    expect(items.map((i) => [i.entityType, i.id, i.source, i.title])).toEqual([
      ["bug", bugId(ws, 2), "mr_title", "缺陷 2"],
      ["story", longId, "commit", "需求 2"],
    ]);
    const link = await db.tapdLink.findFirstOrThrow({
      where: { featureBranchId: fb.id, source: "mr_title" },
    });
    expect(link.sourceRef).toBe("!12");
  });

  it("links and unlinks by hand through the API; viewers may only read", async () => {
    const fb = await feature(`feature_manual_${uid()}`);
    const deployer = await makeTapdUser("deployer", ["deploy"]);
    const viewer = await makeTapdUser("viewer", ["read"]);
    const body = JSON.stringify({ featureBranchId: fb.id, entityType: "bug", entityId: "1003000" });
    const json = { "content-type": "application/json" };

    const refused = await call(postLink, "/api/v1/tapd/links", {
      method: "POST",
      body,
      headers: { ...json, authorization: `Bearer ${viewer.token}` },
    });
    expect(refused.status).toBe(403);

    const created = await call(postLink, "/api/v1/tapd/links", {
      method: "POST",
      body,
      headers: { ...json, authorization: `Bearer ${deployer.token}` },
    });
    expect(created.status).toBe(201);
    const link = (await created.json()) as {
      id: string;
      entityId: string;
      source: string;
      createdBy: string;
    };
    expect(link).toMatchObject({
      entityId: bugId(ws, 0),
      source: "manual",
      createdBy: deployer.username,
    });

    const listed = await call(getLinks, `/api/v1/tapd/links?featureBranchIds=${fb.id}`, {
      headers: { authorization: `Bearer ${viewer.token}` },
    });
    expect(listed.status).toBe(200);
    const { items } = (await listed.json()) as { items: Record<string, LinkedItem[]> };
    expect(items[fb.id]).toEqual([
      expect.objectContaining({
        linkId: link.id,
        entityType: "bug",
        title: "缺陷 0",
        status: "new",
        shortId: "1003000",
      }),
    ]);

    const bad = await call(postLink, "/api/v1/tapd/links", {
      method: "POST",
      body: JSON.stringify({ featureBranchId: fb.id, entityType: "bug", entityId: "12" }),
      headers: { ...json, authorization: `Bearer ${deployer.token}` },
    });
    expect(bad.status).toBe(400);

    const removed = await call(
      deleteLink as never,
      `/api/v1/tapd/links/${link.id}`,
      { method: "DELETE", headers: { authorization: `Bearer ${deployer.token}` } },
      { id: link.id },
    );
    expect(removed.status).toBe(204);
    expect((await linkedItemsForFeatures([fb.id]))[fb.id]).toEqual([]);
    const audit = await db.auditLog.findMany({ where: { targetId: fb.id, action: { startsWith: "tapd." } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["tapd.link", "tapd.unlink"]);
  });

  it("shows a link to an item that is not synced yet without a title", async () => {
    const fb = await feature(`feature_${uid()}`);
    await linkFromText({ featureBranchId: fb.id, text: "--story=1009999", source: "mr_title" });
    const [item] = (await linkedItemsForFeatures([fb.id]))[fb.id]!;
    expect(item).toMatchObject({ id: storyId(ws, 7999), title: null, status: null, workspaceId: null });
  });
});
