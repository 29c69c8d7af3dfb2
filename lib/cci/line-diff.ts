// A unified diff of two texts, line by line (LCS), for the CI template history. Templates are
// small; past MAX_CELLS the middle is shown as one replaced block instead of a minimal diff.

const MAX_CELLS = 4_000_000;
const CONTEXT = 3;

type Op = { kind: " " | "-" | "+"; text: string; a: number; b: number };

function ops(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: Op[] = [];
  for (let i = 0; i < start; i++) out.push({ kind: " ", text: a[i]!, a: i, b: i });
  const ma = a.slice(start, endA);
  const mb = b.slice(start, endB);
  if (ma.length * mb.length > MAX_CELLS) {
    for (const [i, text] of ma.entries()) out.push({ kind: "-", text, a: start + i, b: start });
    for (const [j, text] of mb.entries()) out.push({ kind: "+", text, a: endA, b: start + j });
  } else {
    // lcs[i][j] = LCS length of ma[i..] and mb[j..]
    const w = mb.length + 1;
    const lcs = new Uint32Array((ma.length + 1) * w);
    for (let i = ma.length - 1; i >= 0; i--)
      for (let j = mb.length - 1; j >= 0; j--)
        lcs[i * w + j] =
          ma[i] === mb[j]
            ? lcs[(i + 1) * w + j + 1]! + 1
            : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < ma.length || j < mb.length) {
      if (i < ma.length && j < mb.length && ma[i] === mb[j]) {
        out.push({ kind: " ", text: ma[i]!, a: start + i++, b: start + j++ });
      } else if (i < ma.length && (j === mb.length || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        out.push({ kind: "-", text: ma[i]!, a: start + i++, b: start + j });
      } else {
        out.push({ kind: "+", text: mb[j]!, a: start + i, b: start + j++ });
      }
    }
  }
  for (let i = endA, j = endB; i < a.length; i++, j++) out.push({ kind: " ", text: a[i]!, a: i, b: j });
  return out;
}

const split = (s: string) => (s === "" ? [] : s.replace(/\n$/, "").split("\n"));

/** "--- a\n+++ b\n@@ -l,n +l,n @@\n…", or "" when the texts are equal. */
export function unifiedDiff(before: string, after: string, labels = { a: "before", b: "after" }): string {
  const all = ops(split(before), split(after));
  const changed = all.map((o, i) => (o.kind === " " ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return "";
  const lines = [`--- ${labels.a}`, `+++ ${labels.b}`];
  let k = 0;
  while (k < changed.length) {
    const from = Math.max(0, changed[k]! - CONTEXT);
    let to = changed[k]! + CONTEXT;
    while (k + 1 < changed.length && changed[k + 1]! - CONTEXT <= to + 1) to = changed[++k]! + CONTEXT;
    k++;
    const hunk = all.slice(from, Math.min(all.length, to + 1));
    const first = hunk[0]!;
    const countA = hunk.filter((o) => o.kind !== "+").length;
    const countB = hunk.filter((o) => o.kind !== "-").length;
    lines.push(`@@ -${first.a + (countA ? 1 : 0)},${countA} +${first.b + (countB ? 1 : 0)},${countB} @@`);
    for (const o of hunk) lines.push(`${o.kind}${o.text}`);
  }
  return `${lines.join("\n")}\n`;
}
