const MASK = "******";

/**
 * Replaces every occurrence of the given secrets in a log line. Secrets shorter than 4 characters are
 * not masked (they would blank out ordinary words); tao refuses none, but such secrets are weak anyway.
 * Multi-line secrets (private keys) are masked line by line.
 */
export function createMasker(secrets: readonly string[]): (line: string) => string {
  const parts = new Set<string>();
  for (const s of secrets)
    for (const piece of s.split(/\r?\n/)) if (piece.trim().length >= 4) parts.add(piece.trim());
  if (parts.size === 0) return (line) => line;
  const escaped = [...parts]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(escaped.join("|"), "g");
  return (line) => line.replace(re, MASK);
}
