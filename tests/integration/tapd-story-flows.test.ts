import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { prng } from "./grafana-helpers";
import { newWorkspaceId } from "./tapd-helpers";

// The hourly story flow counts the CFD reads (TapdStoryFlow) are kept by SQLite triggers on every
// write to TapdStory and TapdChange. Here random writes of every kind — through Prisma, as the sync and
// the API write — are checked against the counts recomputed in this file from the rows themselves.

type FlowKey = [
  workspaceId: string,
  scope: string,
  hour: number,
  kind: number,
  before: string,
  after: string,
];

const hourOf = (d: Date) => Math.floor(d.getTime() / 3_600_000);

/** The counts as the spec defines them, from the stories and changes as they are now. */
async function expectedFlows(workspaces: string[]): Promise<Map<string, number>> {
  const stories = await db.tapdStory.findMany({ where: { workspaceId: { in: workspaces } } });
  const changes = await db.tapdChange.findMany({
    where: { entityType: "story", field: "status", workspaceId: { in: workspaces } },
  });
  const byId = new Map(stories.map((s) => [s.id, s]));
  const counts = new Map<string, number>();
  const add = (scopeOf: string | null, key: FlowKey) => {
    for (const scope of ["*", ...(scopeOf ? [scopeOf] : [])]) {
      const k = JSON.stringify([key[0], scope, ...key.slice(2)]);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  };
  const sorted = [...changes].sort(
    (a, b) => a.changedAt.getTime() - b.changedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const first = new Map<string, (typeof changes)[number]>();
  for (const c of sorted) {
    if (!first.has(c.entityId)) first.set(c.entityId, c);
    const story = byId.get(c.entityId);
    add(story?.iterationId ?? null, [
      c.workspaceId,
      "",
      hourOf(c.changedAt),
      0,
      c.before ?? "",
      c.after ?? "",
    ]);
  }
  for (const s of stories) {
    const f = first.get(s.id);
    const initial = f ? (f.before ?? "") : s.status;
    if (s.created && initial) add(s.iterationId, [s.workspaceId, "", hourOf(s.created), 1, "", initial]);
  }
  return counts;
}

async function storedFlows(workspaces: string[]): Promise<Map<string, number>> {
  const rows = await db.tapdStoryFlow.findMany({ where: { workspaceId: { in: workspaces } } });
  return new Map(
    rows.map((r) => [JSON.stringify([r.workspaceId, r.scope, r.hour, r.kind, r.before, r.after]), r.n]),
  );
}

describe("story flow counts (TapdStoryFlow)", () => {
  it("match a recount after random writes of stories and status changes", async () => {
    const workspaces = [newWorkspaceId(), newWorkspaceId()];
    const r = prng(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const statuses = ["planning", "developing", "status_3", "resolved", null] as const;
    const iterations = ["it-a", "it-b", null] as const;
    const storyIds = Array.from({ length: 12 }, (_, i) => `${workspaces[0]}-story-${i}`);
    const workspaceOf = (id: string) => workspaces[Number(id.split("-").at(-1)) % 2]!;
    const t0 = Date.UTC(2024, 2, 1);
    // minutes, so changes share hours and tie on the same instant now and then
    const when = () => new Date(t0 + Math.floor(r() * 72) * 60 * 60_000 + Math.floor(r() * 3) * 20 * 60_000);
    let changeNo = 0;
    const changeIds: { id: string; entityId: string }[] = [];

    const ops: (() => Promise<unknown>)[] = [
      // the sync's story upsert: new story, or status / iteration / created rewritten
      async () => {
        const id = pick(storyIds);
        const data = {
          workspaceId: workspaceOf(id),
          name: id,
          status: pick(statuses) ?? "planning",
          iterationId: pick(iterations),
          created: r() < 0.1 ? null : when(),
        };
        return db.tapdStory.upsert({ where: { id }, create: { id, ...data }, update: data });
      },
      async () => {
        const id = pick(storyIds);
        return db.tapdStory.updateMany({ where: { id }, data: { iterationId: pick(iterations) } });
      },
      async () => {
        const id = pick(storyIds);
        return db.tapdStory.updateMany({ where: { id }, data: { status: pick(statuses) ?? "resolved" } });
      },
      // the sync's change upsert: new, or rewritten the same (no-op) or changed
      async () => {
        const entityId = pick(storyIds);
        const existing = r() < 0.3 && changeIds.length ? pick(changeIds) : undefined;
        const id = existing?.id ?? `${workspaces[0]}-change-${changeNo++}`;
        const c = {
          id,
          field: "status",
          entityType: "story",
          entityId: existing?.entityId ?? entityId,
          workspaceId: workspaceOf(existing?.entityId ?? entityId),
          before: pick(statuses),
          after: pick(statuses),
          changedAt: when(),
        };
        if (!existing) changeIds.push({ id, entityId: c.entityId });
        return db.tapdChange.upsert({
          where: { entityType_id_field: { entityType: "story", id, field: "status" } },
          create: c,
          update: c,
        });
      },
      async () => {
        if (!changeIds.length) return;
        const { id } = pick(changeIds);
        return db.tapdChange.updateMany({ where: { id }, data: { changedAt: when() } });
      },
      async () => {
        if (!changeIds.length) return;
        const i = Math.floor(r() * changeIds.length);
        const { id } = changeIds.splice(i, 1)[0]!;
        return db.tapdChange.deleteMany({ where: { id } });
      },
      async () => db.tapdStory.deleteMany({ where: { id: pick(storyIds) } }),
      // changes of other fields and of bugs count nowhere
      async () =>
        db.tapdChange.create({
          data: {
            id: `${workspaces[0]}-other-${changeNo++}`,
            field: r() < 0.5 ? "owner" : "status",
            entityType: r() < 0.5 ? "bug" : "story",
            entityId: pick(storyIds),
            workspaceId: pick(workspaces),
            before: "a",
            after: "b",
            changedAt: when(),
          },
        }),
    ];
    const weights = [6, 2, 2, 10, 2, 2, 1, 1];
    const total = weights.reduce((a, b) => a + b, 0);

    for (let step = 1; step <= 600; step++) {
      let x = r() * total;
      let i = 0;
      while (x >= weights[i]!) x -= weights[i++]!;
      await ops[i]!();
      if (step % 50 === 0) {
        expect(await storedFlows(workspaces), `after ${step} writes`).toEqual(
          await expectedFlows(workspaces),
        );
      }
    }
    // a page the sync writes in one transaction
    await db.$transaction(
      storyIds.map((id) =>
        db.tapdStory.upsert({
          where: { id },
          create: { id, workspaceId: workspaceOf(id), name: id, status: "planning", created: when() },
          update: { iterationId: "it-b" },
        }),
      ),
    );
    expect(await storedFlows(workspaces)).toEqual(await expectedFlows(workspaces));
    expect(await db.tapdStoryFlowTouch.count()).toBe(0);
    expect(await db.tapdStoryFlow.count({ where: { n: 0 } })).toBe(0);
    expect((await storedFlows(workspaces)).size).toBeGreaterThan(50);
  });
});
