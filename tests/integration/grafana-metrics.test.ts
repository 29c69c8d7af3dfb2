import { beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "@/lib/catalog/products";
import { db } from "@/lib/db";
import { createEnvironment } from "@/lib/environments/environments";
import { tapdId } from "../fakes/tapd-server";
import {
  at,
  callJson,
  DAY,
  DAY_MS,
  type FalconRecord,
  type Frame,
  framesByName,
  prng,
  queryBody,
  utc,
} from "./grafana-helpers";
import { newWorkspaceId, system, uid } from "./tapd-helpers";

// Metric correctness on data made here, through the real route handlers and the real SQLite file.
// Expectations are either written out by hand for small histories, or computed in this file by a
// plain replay of the generated history (never by tao's own code).

const LABELS: Record<string, string> = {
  planning: "规划中",
  developing: "开发中",
  status_3: "测试中",
  resolved: "已实现",
};

async function mappedWorkspace(prefix: string) {
  const product = await createProduct(system, { name: `${prefix}-${uid()}` });
  const ws = newWorkspaceId();
  await db.tapdWorkspace.create({ data: { id: ws, name: prefix, productId: product.id } });
  await db.tapdStatus.createMany({
    data: Object.entries(LABELS).map(([key, label]) => ({ workspaceId: ws, system: "story", key, label })),
  });
  const iterations: string[] = [];
  for (const [i, version] of ["v1.2.0", "v1.3.0"].entries()) {
    const release = await db.release.create({ data: { productId: product.id, version } });
    const id = tapdId(ws, 1_001_000 + i);
    await db.tapdIteration.create({ data: { id, workspaceId: ws, name: version, releaseId: release.id } });
    iterations.push(id);
  }
  return { product, ws, iterations };
}

type StoryHistory = {
  id: string;
  created: number | null;
  iteration: string;
  /** Status when created, then each change. */
  initial: string;
  changes: { at: number; to: string }[];
};

async function writeStories(ws: string, stories: StoryHistory[]) {
  for (const s of stories) {
    const last = s.changes.at(-1)?.to ?? s.initial;
    await db.tapdStory.create({
      data: {
        id: s.id,
        workspaceId: ws,
        name: s.id,
        status: last,
        iterationId: s.iteration,
        created: s.created === null ? null : at(s.created),
      },
    });
    let before = s.initial;
    for (const [k, c] of s.changes.entries()) {
      await db.tapdChange.create({
        data: {
          id: `${s.id}-${k}`,
          field: "status",
          entityType: "story",
          entityId: s.id,
          workspaceId: ws,
          before,
          after: c.to,
          changedAt: at(c.at),
        },
      });
      before = c.to;
    }
  }
}

/** The replay: each story's status at instant t (events strictly before t), counted per label. */
function cfdAt(stories: StoryHistory[], t: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of stories) {
    if (s.created !== null && s.created >= t) continue;
    let status = s.initial;
    for (const c of s.changes) if (c.at < t) status = c.to;
    const label = LABELS[status] ?? status;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}

/** The replayed CFD: per label, the count at the end of each bucket; all-zero series left out, as tao does. */
function replaySeries(stories: StoryHistory[], starts: number[], step: number): Map<string, number[]> {
  const expected = new Map<string, number[]>();
  starts.forEach((start, i) => {
    for (const [label, n] of cfdAt(stories, start + step)) {
      const values = expected.get(label) ?? new Array<number>(starts.length).fill(0);
      values[i] = n;
      expected.set(label, values);
    }
  });
  for (const [label, values] of expected) if (values.every((v) => v === 0)) expected.delete(label);
  return expected;
}

describe("tapd.stories.cfd", () => {
  let hand: Awaited<ReturnType<typeof mappedWorkspace>>;

  beforeAll(async () => {
    hand = await mappedWorkspace("cfd-hand");
    const [v12, v13] = hand.iterations as [string, string];
    const id = (n: number) => tapdId(hand.ws, 1_002_000 + n);
    await writeStories(hand.ws, [
      {
        id: id(1), // A
        created: utc(2024, 1, 1, 10),
        iteration: v12,
        initial: "planning",
        changes: [
          { at: utc(2024, 1, 2, 9), to: "developing" },
          { at: utc(2024, 1, 4, 12), to: "status_3" },
          { at: utc(2024, 1, 6, 8), to: "resolved" },
        ],
      },
      {
        id: id(2), // B: its last change comes after the range
        created: utc(2024, 1, 3, 11),
        iteration: v13,
        initial: "planning",
        changes: [
          { at: utc(2024, 1, 5, 15), to: "developing" },
          { at: utc(2024, 1, 10, 9), to: "resolved" },
        ],
      },
      // C: created before the range, never changed
      { id: id(3), created: utc(2023, 12, 20), iteration: v12, initial: "developing", changes: [] },
      // D: created on the last day; E: after the range
      { id: id(4), created: utc(2024, 1, 7, 18), iteration: v13, initial: "planning", changes: [] },
      { id: id(5), created: utc(2024, 1, 9, 1), iteration: v13, initial: "planning", changes: [] },
    ]);
  });

  const cfd = async (payload: Record<string, unknown>) => {
    const frames = await callJson<Frame[]>("POST", "/api/v1/grafana/json/query", {
      body: queryBody(utc(2024, 1, 1), utc(2024, 1, 8), [{ target: "tapd.stories.cfd", payload }]),
    });
    for (const f of frames)
      expect(f.fields[0]!.values).toEqual(
        Array.from({ length: 7 }, (_, i) => (utc(2024, 1, 1) + i * DAY) * 1000),
      );
    return framesByName(frames);
  };

  it("counts stories per status at the end of each day of a hand-made history", async () => {
    const series = await cfd({ product: hand.product.name });
    expect(Object.fromEntries(series)).toEqual({
      规划中: [1, 0, 1, 1, 0, 0, 1],
      开发中: [1, 2, 2, 1, 2, 2, 2],
      测试中: [0, 0, 0, 1, 1, 0, 0],
      已实现: [0, 0, 0, 0, 0, 1, 1],
    });
  });

  it("narrows to the stories of chosen versions and statuses", async () => {
    const series = await cfd({ product: hand.product.name, version: "v1.2.0" });
    expect(Object.fromEntries(series)).toEqual({
      规划中: [1, 0, 0, 0, 0, 0, 0],
      开发中: [1, 2, 2, 1, 1, 1, 1],
      测试中: [0, 0, 0, 1, 1, 0, 0],
      已实现: [0, 0, 0, 0, 0, 1, 1],
    });
    const dev = await cfd({ product: hand.product.name, status: ["开发中", "已实现"] });
    expect([...dev.keys()].sort()).toEqual(["已实现", "开发中"]);
  });

  it("sees new history at once (the database keeps the flow counts up to date)", async () => {
    const before = await cfd({ product: hand.product.name });
    // D (created Jan 7 18:00 in planning) moves to developing at 20:00, as a sync would write it
    const d = tapdId(hand.ws, 1_002_004);
    await db.tapdChange.create({
      data: {
        id: `${d}-0`,
        field: "status",
        entityType: "story",
        entityId: d,
        workspaceId: hand.ws,
        before: "planning",
        after: "developing",
        changedAt: at(utc(2024, 1, 7, 20)),
      },
    });
    await db.tapdStory.update({ where: { id: d }, data: { status: "developing" } });
    const after = await cfd({ product: hand.product.name });
    expect(after.get("规划中")).toEqual([...before.get("规划中")!.slice(0, 6), 0]);
    expect(after.get("开发中")).toEqual([...before.get("开发中")!.slice(0, 6), 3]);
  });

  it("keeps up with a sync: new stories, a backdated first change, a story moved to another version", async () => {
    const live = await mappedWorkspace("cfd-live");
    const [v12, v13] = live.iterations as [string, string];
    const id = (n: number) => tapdId(live.ws, 1_002_000 + n);
    const stories: StoryHistory[] = [
      { id: id(1), created: utc(2024, 1, 1, 10), iteration: v12, initial: "planning", changes: [] },
      {
        id: id(2),
        created: utc(2024, 1, 2, 10),
        iteration: v12,
        initial: "planning",
        changes: [{ at: utc(2024, 1, 4, 10), to: "developing" }],
      },
    ];
    await writeStories(live.ws, stories);
    const starts = Array.from({ length: 7 }, (_, i) => utc(2024, 1, 1) + i * DAY);
    const check = async (version?: string) => {
      const frames = await callJson<Frame[]>("POST", "/api/v1/grafana/json/query", {
        body: queryBody(utc(2024, 1, 1), utc(2024, 1, 8), [
          {
            target: "tapd.stories.cfd",
            payload: { product: live.product.name, ...(version ? { version } : {}) },
          },
        ]),
      });
      const kept = stories.filter((st) => !version || st.iteration === (version === "v1.2.0" ? v12 : v13));
      expect(Object.fromEntries(framesByName(frames))).toEqual(
        Object.fromEntries(replaySeries(kept, starts, DAY)),
      );
    };
    await check();
    await check("v1.2.0");

    // a new story, already in testing when the sync first sees it
    const third: StoryHistory = {
      id: id(3),
      created: utc(2024, 1, 3, 10),
      iteration: v12,
      initial: "status_3",
      changes: [],
    };
    stories.push(third);
    await writeStories(live.ws, [third]);
    await check();
    await check("v1.2.0");

    // its history arrives later: it was planned first and went to testing on the 5th
    third.initial = "planning";
    third.changes.push({ at: utc(2024, 1, 5, 10), to: "status_3" });
    await db.tapdChange.create({
      data: {
        id: `${third.id}-0`,
        field: "status",
        entityType: "story",
        entityId: third.id,
        workspaceId: live.ws,
        before: "planning",
        after: "status_3",
        changedAt: at(utc(2024, 1, 5, 10)),
      },
    });
    await check();
    await check("v1.2.0");

    // the second story (created and changed in the range) moves to v1.3.0; TAPD bumps its modified time
    stories[1]!.iteration = v13;
    await db.tapdStory.update({ where: { id: id(2) }, data: { iterationId: v13, modified: new Date() } });
    await check();
    await check("v1.2.0");
    await check("v1.3.0");
  });

  it("matches a replay of a generated history, in +08:00 days, over both protocols", async () => {
    const gen = await mappedWorkspace("cfd-gen");
    const r = prng(7);
    const statuses = ["planning", "developing", "status_3", "resolved", "rejected"]; // rejected: no label
    const t0 = utc(2024, 4, 1);
    const stories: StoryHistory[] = Array.from({ length: 150 }, (_, i) => {
      const created = t0 + Math.floor(r() * 50 * DAY);
      let t = created;
      const changes = Array.from({ length: Math.floor(r() * 7) }, () => {
        t += 60 + Math.floor(r() * 6 * DAY);
        return { at: t, to: statuses[Math.floor(r() * statuses.length)]! };
      });
      return {
        id: tapdId(gen.ws, 1_002_000 + i),
        created: i % 25 === 0 ? null : created,
        iteration: gen.iterations[i % 2]!,
        initial: "planning",
        changes,
      };
    });
    await writeStories(gen.ws, stories);

    const from = utc(2024, 4, 11);
    const until = utc(2024, 5, 11);
    const offset = 8 * 3600;
    // days at +08:00 midnight: the first starts on the 10th at 16:00 UTC and covers `from`
    const starts = Array.from({ length: 31 }, (_, i) => utc(2024, 4, 10, 16) + i * DAY);
    expect(starts[0]! + offset).toBe(utc(2024, 4, 11));
    const frames = await callJson<Frame[]>("POST", "/api/v1/grafana/json/query", {
      body: queryBody(from, until, [
        { target: "tapd.stories.cfd", payload: { product: gen.product.name, tz: "+08:00" } },
      ]),
    });
    const expected = replaySeries(stories, starts, DAY);
    expect(frames[0]!.fields[0]!.values).toEqual(starts.map((s) => s * 1000));
    expect(Object.fromEntries(framesByName(frames))).toEqual(Object.fromEntries(expected));

    // the same metric through the falcon protocol: Unix seconds, same values
    const records = await callJson<FalconRecord[]>("POST", "/api/v1/grafana/render", {
      body: new URLSearchParams([
        ["target", `@tapd#stories#cfd/product=${gen.product.name},tz=+08:00`],
        ["from", String(from)],
        ["until", String(until)],
        ["format", "json"],
        ["step", String(DAY)],
        ["maxDataPoints", "1220"],
      ]).toString(),
    });
    expect(records.length).toBe(expected.size);
    for (const rec of records) {
      const label = /status=([^,]+)/.exec(rec.counter)![1]!;
      expect(rec.endpoint).toBe("@tapd");
      expect(rec.step).toBe(DAY);
      expect(rec.Values.map((v) => v.timestamp)).toEqual(starts);
      expect(rec.Values.map((v) => v.value)).toEqual(expected.get(label));
    }
  });
});

describe("tapd.stories.cfd off the hour", () => {
  // The CFD reads whole hours from the hourly counts and the rest raw: days that start at :45 and
  // 10-minute steps need both, for all stories and for one version.
  let gen: Awaited<ReturnType<typeof mappedWorkspace>>;
  let stories: StoryHistory[];
  const t0 = utc(2024, 6, 1);

  beforeAll(async () => {
    gen = await mappedWorkspace("cfd-odd");
    const r = prng(11);
    const statuses = ["planning", "developing", "status_3", "resolved"];
    stories = Array.from({ length: 80 }, (_, i) => {
      const created = t0 + Math.floor(r() * 10 * DAY);
      let t = created;
      const changes = Array.from({ length: Math.floor(r() * 8) }, () => {
        t += 60 + Math.floor(r() * DAY);
        return { at: t, to: statuses[Math.floor(r() * statuses.length)]! };
      });
      return {
        id: tapdId(gen.ws, 1_002_000 + i),
        created,
        iteration: gen.iterations[i % 2]!,
        initial: "planning",
        changes,
      };
    });
    await writeStories(gen.ws, stories);
  });

  const replay = (kept: StoryHistory[], starts: number[], step: number) =>
    Object.fromEntries(replaySeries(kept, starts, step));

  it("matches a replay in +05:45 days, for all stories and for one version", async () => {
    const from = utc(2024, 6, 3);
    const until = utc(2024, 6, 14);
    const starts = Array.from({ length: 12 }, (_, i) => from - (5 * 60 + 45) * 60 + i * DAY);
    for (const version of [undefined, "v1.3.0"]) {
      const frames = await callJson<Frame[]>("POST", "/api/v1/grafana/json/query", {
        body: queryBody(from, until, [
          {
            target: "tapd.stories.cfd",
            payload: { product: gen.product.name, tz: "+05:45", ...(version ? { version } : {}) },
          },
        ]),
      });
      expect(frames[0]!.fields[0]!.values).toEqual(starts.map((s) => s * 1000));
      const kept = version ? stories.filter((s) => s.iteration === gen.iterations[1]) : stories;
      expect(Object.fromEntries(framesByName(frames)), version ?? "all").toEqual(replay(kept, starts, DAY));
    }
  });

  it("matches a replay in 10-minute steps across hours", async () => {
    const from = utc(2024, 6, 4, 9) + 25 * 60;
    const until = from + 5 * 3600;
    const step = 600;
    const frames = await callJson<Frame[]>("POST", "/api/v1/grafana/json/query", {
      body: queryBody(from, until, [{ target: "tapd.stories.cfd", payload: { product: gen.product.name } }], {
        intervalMs: step * 1000,
      }),
    });
    const starts = Array.from({ length: 31 }, (_, i) => from - 5 * 60 + i * step);
    expect(frames[0]!.fields[0]!.values).toEqual(starts.map((s) => s * 1000));
    expect(Object.fromEntries(framesByName(frames))).toEqual(replay(stories, starts, step));
  });
});

describe("bug metrics", () => {
  let product: string;

  beforeAll(async () => {
    const m = await mappedWorkspace("bugs");
    product = m.product.name;
    const bugs = [
      {
        n: 1,
        created: utc(2024, 2, 1, 9),
        version: "v1.2.0",
        changes: [
          [utc(2024, 2, 2, 10), "new", "resolved"],
          [utc(2024, 2, 3, 10), "resolved", "closed"],
        ],
      },
      {
        n: 2,
        created: utc(2024, 2, 1, 12),
        version: "v1.2.0",
        changes: [
          [utc(2024, 2, 3, 8), "new", "in_progress"],
          [utc(2024, 2, 4, 9), "in_progress", "resolved"],
          [utc(2024, 2, 5, 9), "resolved", "reopened"],
        ],
      },
      { n: 3, created: utc(2024, 2, 4, 13), version: "v1.3.0", changes: [] },
    ] as const;
    for (const b of bugs) {
      const id = tapdId(m.ws, 1_003_000 + b.n);
      await db.tapdBug.create({
        data: {
          id,
          workspaceId: m.ws,
          title: `bug ${b.n}`,
          status: b.changes.at(-1)?.[2] ?? "new",
          versionReport: b.version,
          created: at(b.created),
        },
      });
      for (const [k, [when, before, after]] of b.changes.entries())
        await db.tapdChange.create({
          data: {
            id: `${id}-${k}`,
            field: "status",
            entityType: "bug",
            entityId: id,
            workspaceId: m.ws,
            before,
            after,
            changedAt: at(when),
          },
        });
    }
  });

  const query = async (target: string, payload: Record<string, unknown>) =>
    framesByName(
      await callJson<Frame[]>("POST", "/api/v1/grafana/json/query", {
        body: queryBody(utc(2024, 2, 1), utc(2024, 2, 6), [{ target, payload: { product, ...payload } }]),
      }),
    );

  it("counts bug changes per day: opened, resolved, closed, reopened, net", async () => {
    expect(Object.fromEntries(await query("tapd.bugs.change.daily", {}))).toEqual({
      opened: [2, 0, 0, 1, 0],
      resolved: [0, 1, 0, 1, 0],
      closed: [0, 0, 1, 0, 0],
      reopened: [0, 0, 0, 0, 1],
      net: [2, -1, 0, 0, 1],
    });
    const some = await query("tapd.bugs.change.daily", { kind: ["reopened"], version: "v1\\.2\\.0" });
    expect(Object.fromEntries(some)).toEqual({ reopened: [0, 0, 0, 0, 1] });
  });

  it("counts bugs per version, all reported or open at the end of each day", async () => {
    expect(Object.fromEntries(await query("tapd.product.version.bugs", {}))).toEqual({
      [`${product} v1.2.0`]: [2, 2, 2, 2, 2],
      [`${product} v1.3.0`]: [0, 0, 0, 1, 1],
    });
    expect(Object.fromEntries(await query("tapd.product.version.bugs", { state: "open" }))).toEqual({
      [`${product} v1.2.0`]: [2, 1, 1, 0, 1],
      [`${product} v1.3.0`]: [0, 0, 0, 1, 1],
    });
  });

  it("reports the age of the oldest open bug at the end of each day", async () => {
    const h = 3600;
    expect(Object.fromEntries(await query("tapd.bugs.open.age", { stat: "max" }))).toEqual({
      max: [15 * h, 36 * h, 60 * h, 11 * h, 108 * h],
    });
  });
});

describe("deployment metrics", () => {
  let e1: string;
  let e2: string;
  const from = utc(2024, 3, 1);
  const until = utc(2024, 3, 5);

  beforeAll(async () => {
    const product = await createProduct(system, { name: `deploys-${uid()}` });
    e1 = (await createEnvironment(system, { name: `g1-${uid()}` })).name;
    e2 = (await createEnvironment(system, { name: `g2-${uid()}` })).name;
    const envId = async (name: string) => (await db.environment.findUniqueOrThrow({ where: { name } })).id;
    const component = await db.component.create({
      data: { productId: product.id, name: "web", image: "registry.local/demo/web" },
    });
    for (const [tag, created] of [
      ["1.0", utc(2024, 3, 1, 8)],
      ["1.1", utc(2024, 3, 2, 12)],
      ["1.2", utc(2024, 3, 3, 1)],
    ] as const)
      await db.build.create({ data: { componentId: component.id, tag, createdAt: at(created) } });
    const release = await db.release.create({ data: { productId: product.id, version: "v9.0.0" } });
    const m = 60;
    // [env, status, tag, created, started, finished]
    const tasks = [
      [e1, "success", "1.0", utc(2024, 3, 1, 10), utc(2024, 3, 1, 10) + m, utc(2024, 3, 1, 10, 11)],
      [e1, "failed", "1.0", utc(2024, 3, 1, 12), utc(2024, 3, 1, 12, 2), utc(2024, 3, 1, 12, 7)],
      [e2, "success", "1.0", utc(2024, 3, 1, 13), utc(2024, 3, 1, 13), utc(2024, 3, 1, 13, 20)],
      [e1, "canceled", "1.2", utc(2024, 3, 3, 9), utc(2024, 3, 3, 9, 5), utc(2024, 3, 3, 9, 6)],
      [e2, "success", "1.1", utc(2024, 3, 3, 23, 50), utc(2024, 3, 3, 23, 55), utc(2024, 3, 4, 0, 10)],
      [e1, "waiting", "1.2", utc(2024, 3, 4, 1), null, null],
      [e2, "success", "0.9", utc(2024, 2, 28, 1), utc(2024, 2, 28, 1), utc(2024, 2, 28, 2)],
    ] as const;
    for (const [env, status, tag, created, started, finished] of tasks)
      await db.task.create({
        data: {
          type: "components",
          status,
          environmentId: await envId(env),
          productId: product.id,
          // the two successful deployments of 1.0 deployed release v9.0.0
          releaseId: tag === "1.0" && status === "success" ? release.id : null,
          params: JSON.stringify({
            components: [
              {
                componentId: component.id,
                name: "web",
                repository: "registry.local/demo/web",
                tag,
                layer: "app",
              },
            ],
          }),
          creatorName: "grafana-test",
          createdAt: at(created),
          startedAt: started === null ? null : at(started),
          finishedAt: finished === null ? null : at(finished),
        },
      });
  });

  const query = async (target: string, payload: Record<string, unknown>) =>
    framesByName(
      await callJson<Frame[]>("POST", "/api/v1/grafana/json/query", {
        body: queryBody(from, until, [{ target, payload: { env: [e1, e2], ...payload } }]),
      }),
    );

  it("counts deployments per day and environment, empty days as 0", async () => {
    expect(Object.fromEntries(await query("deploy.deployments.count", {}))).toEqual({
      [e1]: [2, 0, 1, 0],
      [e2]: [1, 0, 0, 1],
    });
    expect(Object.fromEntries(await query("deploy.deployments.count", { by: "total" }))).toEqual({
      deployments: [3, 0, 1, 1],
    });
    expect(
      Object.fromEntries(await query("deploy.deployments.count", { env: e1, status: "failed" })),
    ).toEqual({
      [e1]: [1, 0, 0, 0],
    });
  });

  it("narrows deployments to release versions", async () => {
    expect(
      Object.fromEntries(await query("deploy.deployments.count", { by: "total", version: "v9\\.0\\.0" })),
    ).toEqual({ deployments: [2, 0, 0, 0] });
    expect(
      Object.fromEntries(await query("deploy.deployments.count", { by: "total", version: "\\(none\\)" })),
    ).toEqual({
      deployments: [1, 0, 1, 1],
    });
  });

  it("computes the failure rate, null for days without success or failure", async () => {
    expect(Object.fromEntries(await query("deploy.deployments.failure.rate", {}))).toEqual({
      "failure rate": [1 / 3, null, null, 0],
    });
    expect(Object.fromEntries(await query("deploy.deployments.failure.rate", { by: "env" }))).toEqual({
      [e1]: [1 / 2, null, null, null],
      [e2]: [0, null, null, 0],
    });
  });

  it("summarizes durations, queue waits and lead times per day", async () => {
    expect(Object.fromEntries(await query("deploy.deployments.duration", { stat: ["mean", "max"] }))).toEqual(
      {
        mean: [(600 + 300 + 1200) / 3, null, null, 900],
        max: [1200, null, null, 900],
      },
    );
    expect(Object.fromEntries(await query("deploy.queue.wait", { stat: ["mean", "max"] }))).toEqual({
      mean: [60, null, 300, null],
      max: [120, null, 300, null],
    });
    // 1.0: built 08:00, first success 10:11; 1.1: built Mar 2 12:00, first success Mar 4 00:10; 1.2 never
    expect(Object.fromEntries(await query("deploy.lead.time", { stat: "mean" }))).toEqual({
      mean: [2 * 3600 + 11 * 60, null, null, 36 * 3600 + 10 * 60],
    });
  });

  it("serves finished deployments as annotations (frames and the SimpleJSON call)", async () => {
    const frames = await callJson<Frame[]>("POST", "/api/v1/grafana/json/query", {
      body: queryBody(from, until, [{ target: "deploy.annotations", payload: { env: e1 } }]),
    });
    expect(frames).toHaveLength(1);
    const fields = Object.fromEntries(frames[0]!.fields.map((f) => [f.name, f.values]));
    expect(fields.time).toEqual(
      [utc(2024, 3, 1, 10, 1), utc(2024, 3, 1, 12, 2), utc(2024, 3, 3, 9, 5)].map((s) => s * 1000),
    );
    expect(fields.timeEnd).toEqual(
      [utc(2024, 3, 1, 10, 11), utc(2024, 3, 1, 12, 7), utc(2024, 3, 3, 9, 6)].map((s) => s * 1000),
    );
    expect((fields.tags as string[]).map((t) => t.split(",").slice(0, 2))).toEqual([
      [e1, "success"],
      [e1, "failed"],
      [e1, "canceled"],
    ]);
    const legacy = await callJson<{ time: number; timeEnd: number; tags: string[] }[]>(
      "POST",
      "/api/v1/grafana/json/annotations",
      {
        body: {
          range: { from: new Date(from * 1000).toISOString(), to: new Date(until * 1000).toISOString() },
          annotation: { name: "deploys", query: `deploy.annotations/env=${e2}`, enable: true },
        },
      },
    );
    expect(legacy.map((a) => [a.time / 1000, a.timeEnd / 1000, a.tags[1]])).toEqual([
      [utc(2024, 3, 1, 13), utc(2024, 3, 1, 13, 20), "success"],
      [utc(2024, 3, 3, 23, 55), utc(2024, 3, 4, 0, 10), "success"],
    ]);
  });

  it("buckets by the step asked for: 12-hour buckets split the days", async () => {
    const frames = await callJson<Frame[]>("POST", "/api/v1/grafana/json/query", {
      body: queryBody(from, from + 2 * DAY, [{ target: "deploy.deployments.count", payload: { env: e1 } }], {
        intervalMs: DAY_MS / 2,
      }),
    });
    expect(frames[0]!.fields[0]!.values).toEqual([0, 1, 2, 3].map((i) => (from + (i * DAY) / 2) * 1000));
    expect(frames[0]!.fields[1]!.values).toEqual([1, 1, 0, 0]);
  });
});
