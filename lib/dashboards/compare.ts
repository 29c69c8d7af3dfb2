import { type Drift, driftOf, tagOfImage } from "@/lib/inventory/drift";

// Pure comparisons behind the dashboards: what runs where, which release an environment matches,
// and how a set of component versions differs from what an environment runs.

export type InventoryFacts = {
  tag: string;
  observedImage: string | null;
  observedState: string | null;
  observedAt: Date | null;
};

/**
 * The tag a host runs for a component: what tao deployed, unless the last refresh saw another image
 * (then that one); null when the last refresh found the container gone.
 */
export function runningTag(item: InventoryFacts): { tag: string | null; drift: Drift } {
  const drift = driftOf(item);
  if (drift === "missing") return { tag: null, drift };
  if (drift === "other-tag" && item.observedImage) return { tag: tagOfImage(item.observedImage), drift };
  return { tag: item.tag, drift };
}

/** One component as an environment runs it: the distinct tags over its hosts (usually one). */
export type RunningSet = { componentId: string; name: string; tags: string[] };

export type ReleaseLike = { id: string; version: string; items: { componentId: string; tag: string }[] };

export type ReleaseDifference = {
  componentId: string;
  name: string;
  /** tags running in the environment, empty when not running there */
  running: string[];
  /** the release's tag, null when the component is not part of the release */
  release: string | null;
};

export type ReleaseMatch =
  | { kind: "match"; release: { id: string; version: string }; differences: [] }
  | { kind: "mixed"; release: { id: string; version: string } | null; differences: ReleaseDifference[] };

const sameTags = (running: string[], tag: string) => running.length === 1 && running[0] === tag;

function differencesTo(release: ReleaseLike, running: RunningSet[], names: Map<string, string>) {
  const byId = new Map(running.map((r) => [r.componentId, r]));
  const out: ReleaseDifference[] = [];
  for (const item of release.items) {
    const r = byId.get(item.componentId);
    if (!r || !sameTags(r.tags, item.tag))
      out.push({
        componentId: item.componentId,
        name: r?.name ?? names.get(item.componentId) ?? item.componentId,
        running: r?.tags ?? [],
        release: item.tag,
      });
  }
  const inRelease = new Set(release.items.map((i) => i.componentId));
  for (const r of running)
    if (!inRelease.has(r.componentId))
      out.push({ componentId: r.componentId, name: r.name, running: r.tags, release: null });
  return out;
}

/**
 * Which release of one product an environment runs: an exact match (every component of the release
 * at its tag on every host, nothing else of the product), else "mixed" with the closest release
 * (fewest differences; the first of `releases` wins a tie, so pass them newest first).
 * `running` holds only the product's components; empty means the product is not there (null).
 */
export function matchRelease(
  running: RunningSet[],
  releases: ReleaseLike[],
  componentNames: Map<string, string> = new Map(),
): ReleaseMatch | null {
  if (running.length === 0) return null;
  let best: { release: ReleaseLike; differences: ReleaseDifference[] } | null = null;
  for (const release of releases) {
    const differences = differencesTo(release, running, componentNames);
    if (differences.length === 0)
      return { kind: "match", release: { id: release.id, version: release.version }, differences: [] };
    if (!best || differences.length < best.differences.length) best = { release, differences };
  }
  if (!best)
    return {
      kind: "mixed",
      release: null,
      differences: running.map((r) => ({
        componentId: r.componentId,
        name: r.name,
        running: r.tags,
        release: null,
      })),
    };
  return {
    kind: "mixed",
    release: { id: best.release.id, version: best.release.version },
    differences: best.differences,
  };
}

export type DiffStatus = "changed" | "unchanged" | "new" | "only-in-env";
export type DiffRow = {
  componentId: string;
  name: string;
  /** tags running in the environment now */
  current: string[];
  /** the tag that would be deployed; null for components only the environment has */
  target: string | null;
  status: DiffStatus;
};

/**
 * What deploying `target` would change in an environment running `running`: changed (another tag
 * runs, or different tags on different hosts), unchanged, new (not running there). With
 * `onlyInEnv`, the environment's other components are listed too (`running` should then hold only
 * the components worth comparing, e.g. the same product's).
 */
export function diffTarget(
  target: { componentId: string; name: string; tag: string }[],
  running: RunningSet[],
  opts: { onlyInEnv?: boolean } = {},
): DiffRow[] {
  const byId = new Map(running.map((r) => [r.componentId, r]));
  const rows: DiffRow[] = target.map((t) => {
    const current = byId.get(t.componentId)?.tags ?? [];
    const status: DiffStatus =
      current.length === 0 ? "new" : sameTags(current, t.tag) ? "unchanged" : "changed";
    return { componentId: t.componentId, name: t.name, current, target: t.tag, status };
  });
  if (opts.onlyInEnv) {
    const inTarget = new Set(target.map((t) => t.componentId));
    for (const r of running)
      if (!inTarget.has(r.componentId))
        rows.push({
          componentId: r.componentId,
          name: r.name,
          current: r.tags,
          target: null,
          status: "only-in-env",
        });
  }
  return rows;
}

/** Counts per diff status, for a one-line summary. */
export function diffCounts(rows: DiffRow[]): Record<DiffStatus, number> {
  const counts: Record<DiffStatus, number> = { changed: 0, unchanged: 0, new: 0, "only-in-env": 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}
