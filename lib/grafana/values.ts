// Variable values as Grafana sends them: regex-escaped (`v1\.2\.0`, multi-values `(a|b)`) by the
// JSON data source, glob lists (`{a,b}`) by the falcon plugin, or plain. "All" arrives as every
// value, or as a custom all value (`*`, `.*`, `$__all`), which means no restriction.

const ALL_VALUES = new Set(["*", ".*", "$__all", "__all"]);

/** Removes regex escaping: `v1\.2\.0` → `v1.2.0`, `\+08:00` → `+08:00`. */
export function unescapeRegex(value: string): string {
  return value.replace(/\\(.)/g, "$1");
}

/** Splits on a separator that is not escaped with a backslash. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\\" && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function isWrapped(text: string, open: string, close: string): boolean {
  return text.length >= 2 && text.startsWith(open) && text.endsWith(close) && !text.endsWith(`\\${close}`);
}

/**
 * One variable value → the values it stands for; "all" for a custom all value.
 * `(a|b)` and `{a,b}` are lists; anything else is one (possibly escaped) value.
 */
export function parseValues(raw: string): string[] | "all" {
  const text = raw.trim();
  if (ALL_VALUES.has(text)) return "all";
  let parts: string[];
  if (isWrapped(text, "(", ")")) parts = splitUnescaped(text.slice(1, -1), "|");
  else if (isWrapped(text, "{", "}")) parts = splitUnescaped(text.slice(1, -1), ",");
  else parts = [text];
  const values = parts.map((p) => unescapeRegex(p.trim())).filter((p) => p !== "");
  if (values.some((v) => ALL_VALUES.has(v))) return "all";
  return [...new Set(values)];
}

/** A payload or target value (string, number, list of them) → values, "all", or undefined when unset. */
export function parseValueList(raw: unknown): string[] | "all" | undefined {
  const items = Array.isArray(raw) ? raw : [raw];
  const values: string[] = [];
  for (const item of items) {
    if (item === null || item === undefined) continue;
    if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") continue;
    const parsed = parseValues(String(item));
    if (parsed === "all") return "all";
    values.push(...parsed);
  }
  return values.length ? [...new Set(values)] : undefined;
}
