import { describe, expect, it } from "vitest";
import { diffCounts, diffTarget, matchRelease, runningTag } from "./compare";

const at = new Date("2026-01-01T00:00:00Z");
const releases = [
  {
    id: "r3",
    version: "v1.2.0",
    items: [
      { componentId: "a", tag: "v1.2.0" },
      { componentId: "b", tag: "v1.2.0" },
    ],
  },
  {
    id: "r2",
    version: "v1.1.0",
    items: [
      { componentId: "a", tag: "v1.1.0" },
      { componentId: "b", tag: "v1.1.0" },
    ],
  },
];
const names = new Map([
  ["a", "component-a"],
  ["b", "component-b"],
]);

describe("runningTag", () => {
  it("is what tao deployed until a refresh saw something else", () => {
    expect(runningTag({ tag: "v1", observedImage: null, observedState: null, observedAt: null })).toEqual({
      tag: "v1",
      drift: "unchecked",
    });
    expect(
      runningTag({ tag: "v1", observedImage: "r:5005/x/a:v2", observedState: "running", observedAt: at }),
    ).toEqual({ tag: "v2", drift: "other-tag" });
    expect(runningTag({ tag: "v1", observedImage: null, observedState: "missing", observedAt: at })).toEqual({
      tag: null,
      drift: "missing",
    });
  });

  it("reads both CLIs' running states: docker's word and podman 4.3's status line", () => {
    const item = { tag: "v1", observedImage: "r:5005/x/a:v1", observedAt: at };
    for (const observedState of ["running", "Up 4 seconds ago", "Up 2 hours"])
      expect(runningTag({ ...item, observedState }).drift).toBe("in-sync");
    for (const observedState of ["exited", "Exited (1) 3 seconds ago", "created"])
      expect(runningTag({ ...item, observedState }).drift).toBe("not-running");
  });
});

describe("matchRelease", () => {
  it("finds the exact release", () => {
    const m = matchRelease(
      [
        { componentId: "a", name: "component-a", tags: ["v1.1.0"] },
        { componentId: "b", name: "component-b", tags: ["v1.1.0"] },
      ],
      releases,
      names,
    );
    expect(m).toMatchObject({ kind: "match", release: { version: "v1.1.0" } });
  });

  it("says mixed with the closest release and the differences", () => {
    const m = matchRelease(
      [
        { componentId: "a", name: "component-a", tags: ["feature-x"] },
        { componentId: "b", name: "component-b", tags: ["v1.1.0"] },
        { componentId: "c", name: "component-c", tags: ["v9"] },
      ],
      releases,
      names,
    );
    expect(m?.kind).toBe("mixed");
    expect(m?.release?.version).toBe("v1.1.0");
    expect(m?.differences).toEqual([
      { componentId: "a", name: "component-a", running: ["feature-x"], release: "v1.1.0" },
      { componentId: "c", name: "component-c", running: ["v9"], release: null },
    ]);
  });

  it("treats different tags on different hosts as a difference", () => {
    const m = matchRelease(
      [
        { componentId: "a", name: "component-a", tags: ["v1.1.0", "v1.2.0"] },
        { componentId: "b", name: "component-b", tags: ["v1.1.0"] },
      ],
      releases,
    );
    expect(m).toMatchObject({ kind: "mixed", release: { version: "v1.1.0" } });
  });

  it("is null when the product does not run there", () => {
    expect(matchRelease([], releases)).toBeNull();
  });
});

describe("diffTarget", () => {
  it("marks changed, unchanged, new and only-in-env", () => {
    const rows = diffTarget(
      [
        { componentId: "a", name: "component-a", tag: "v1.2.0" },
        { componentId: "b", name: "component-b", tag: "v1.1.0" },
        { componentId: "d", name: "component-d", tag: "v1.2.0" },
      ],
      [
        { componentId: "a", name: "component-a", tags: ["v1.1.0"] },
        { componentId: "b", name: "component-b", tags: ["v1.1.0"] },
        { componentId: "c", name: "component-c", tags: ["v1.0.0"] },
      ],
      { onlyInEnv: true },
    );
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ["component-a", "changed"],
      ["component-b", "unchanged"],
      ["component-d", "new"],
      ["component-c", "only-in-env"],
    ]);
    expect(diffCounts(rows)).toEqual({ changed: 1, unchanged: 1, new: 1, "only-in-env": 1 });
  });
});
