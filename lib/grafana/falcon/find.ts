import { falconSegments, METRICS } from "../catalogue";
import { runVariableQuery } from "../variables";

// GET /metrics/find for the Open-Falcon plugin: tree navigation ("#" between levels, each level a
// name, `*`, `.*`, a glob or `{a,b}`), or a variable query (`$product`, `$bugversion=ProductA`).
// An empty query is the plugin's Save & Test: the top level.

export type FindItem = { text: string; expandable: boolean };

function segmentMatcher(segment: string): (name: string) => boolean {
  const s = segment.trim();
  if (s === "" || s === "*" || s === ".*") return () => true;
  const alternatives = s.startsWith("{") && s.endsWith("}") ? s.slice(1, -1).split(",") : [s];
  const patterns = alternatives.map(
    (a) =>
      new RegExp(
        `^${a
          .trim()
          .replace(/\.\*/g, "*") // the plugin's wildcard is the regex `.*`
          .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
          .replace(/\*/g, ".*")}$`,
      ),
  );
  return (name) => patterns.some((p) => p.test(name));
}

export async function findMetrics(query: string): Promise<FindItem[]> {
  const q = query.trim();
  if (q.startsWith("$"))
    return (await runVariableQuery(q)).map((o) => ({ text: o.value, expandable: false }));
  const wanted = (q === "" ? "*" : q).split("#").map(segmentMatcher);
  const depth = wanted.length;
  const found = new Map<string, boolean>();
  for (const metric of METRICS) {
    const path = falconSegments(metric);
    if (path.length < depth || !wanted.every((match, i) => match(path[i]!))) continue;
    const name = path[depth - 1]!;
    found.set(name, (found.get(name) ?? false) || path.length > depth);
  }
  return [...found].map(([text, expandable]) => ({ text, expandable }));
}
