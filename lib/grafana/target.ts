import { BadRequestError } from "@/lib/errors";
import { metricIdOf } from "./catalogue";
import { unescapeRegex } from "./values";

// A target written as text, the original's form: `<metric path>/<name>=<value>,<name>=<value>`, e.g.
// `@tapd#bugs#change#daily/product=ProductA,version={v1.2.0,v1.3.0}`. Values may be lists (`{a,b}`,
// `(a|b)`), so commas inside braces or parentheses do not separate parameters.

export type ParsedTarget = { metric: string; params: Record<string, string> };

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\\" && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
      continue;
    }
    if (ch === "{" || ch === "(") depth++;
    if ((ch === "}" || ch === ")") && depth > 0) depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/**
 * `falcon`: the Open-Falcon plugin turns every "." of the typed target into "#" before it inserts
 * variable values, so a "#" in a value was a "." typed by hand (v1#2#0 → v1.2.0).
 */
export function parseTarget(text: string, opts: { falcon?: boolean } = {}): ParsedTarget {
  const trimmed = text.trim();
  const slash = trimmed.indexOf("/");
  const path = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const metric = metricIdOf(unescapeRegex(path));
  if (!metric)
    throw new BadRequestError("Empty target: name a metric, e.g. @tapd#stories#cfd/product=ProductA");
  const params: Record<string, string> = {};
  if (slash >= 0) {
    for (const part of splitTopLevel(trimmed.slice(slash + 1))) {
      if (part.trim() === "") continue;
      const eq = part.indexOf("=");
      if (eq <= 0) throw new BadRequestError(`Target ${trimmed}: "${part}" is not name=value`);
      const value = part.slice(eq + 1).trim();
      params[part.slice(0, eq).trim()] = opts.falcon ? value.replace(/#/g, ".") : value;
    }
  }
  return { metric, params };
}
