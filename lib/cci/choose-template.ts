import { hasWildcard, literalLength, matchGlob } from "@/lib/gitlab/glob";
import type { TScriptQuery } from "./template-input";

// Which template a CI job gets: among those whose three globs match, the most specific wins —
// more exact patterns (no wildcard) first, then more literal characters, with project before
// branch before namespace on a tie; the name decides when all else is equal.

export type TPatterns = {
  name: string;
  namespacePattern: string;
  projectPattern: string;
  branchPattern: string;
};

export function matches(t: TPatterns, q: TScriptQuery): boolean {
  return (
    matchGlob(t.namespacePattern, q.namespace) &&
    matchGlob(t.projectPattern, q.project) &&
    matchGlob(t.branchPattern, q.branch)
  );
}

function score(t: TPatterns): number[] {
  const ordered = [t.projectPattern, t.branchPattern, t.namespacePattern];
  return [
    ordered.filter((p) => !hasWildcard(p)).length,
    ordered.reduce((n, p) => n + literalLength(p), 0),
    ...ordered.map((p) => (hasWildcard(p) ? 0 : 1)),
    ...ordered.map(literalLength),
  ];
}

function compare(a: TPatterns, b: TPatterns): number {
  const sa = score(a);
  const sb = score(b);
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i]! - sa[i]!;
  return a.name.localeCompare(b.name);
}

/** Matching templates, the winner first. */
export function rankTemplates<T extends TPatterns>(templates: T[], q: TScriptQuery): T[] {
  return templates.filter((t) => matches(t, q)).sort(compare);
}
