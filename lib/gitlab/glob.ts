// Globs as tao uses them for branch patterns and CI template patterns: `*` matches any run of
// characters (including `/`), `?` one character, everything else itself. Case-sensitive, whole string.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (!re) {
    const body = glob
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    re = new RegExp(`^${body}$`);
    if (cache.size > 1000) cache.clear();
    cache.set(glob, re);
  }
  return re;
}

export function matchGlob(glob: string, value: string): boolean {
  return globToRegExp(glob.trim()).test(value);
}

/** "feature_*,feature/*" → does any of the comma separated globs match? */
export function matchAnyGlob(globList: string, value: string): boolean {
  return globList
    .split(",")
    .map((g) => g.trim())
    .filter(Boolean)
    .some((g) => matchGlob(g, value));
}

/** How specific a glob is: the number of characters that are not wildcards. */
export function literalLength(glob: string): number {
  return glob.replace(/[*?]/g, "").length;
}

export const hasWildcard = (glob: string) => /[*?]/.test(glob);
