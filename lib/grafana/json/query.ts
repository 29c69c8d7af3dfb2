import { BadRequestError } from "@/lib/errors";
import { runMetric } from "../run-query";
import { parseTarget } from "../target";
import { parseValues } from "../values";
import { FORMATS, type Format, formatAnswer } from "./frames";
import { payloadObject } from "./read-body";
import type { TQueryRequest } from "./schemas";

// POST /query: each visible target is a metric (its id, optionally with `/name=value` parameters) and
// a payload of parameters; `format` in the payload picks the answer shape. Ad hoc filters come as
// `filters` (plugin ≥ 0.6.4) or `adhocFilters` (older). Range in ISO instants, step = intervalMs.

function formatOf(value: unknown): Format {
  if (value === undefined || value === null || value === "") return "frames";
  const parsed = typeof value === "string" ? parseValues(value) : "all";
  const format = parsed === "all" ? undefined : parsed[0];
  if (!format || !(FORMATS as readonly string[]).includes(format))
    throw new BadRequestError(`format: choose from ${FORMATS.join(", ")}`);
  return format as Format;
}

export async function jsonQuery(body: TQueryRequest, now?: number): Promise<unknown[]> {
  const adhoc = body.filters ?? body.adhocFilters ?? [];
  const out: unknown[] = [];
  for (const t of body.targets) {
    if (t.hide || !t.target?.trim()) continue;
    const target = parseTarget(t.target);
    const { format, ...params } = payloadObject(t.payload);
    const answer = await runMetric({
      metric: target.metric,
      params: { ...target.params, ...params },
      adhoc,
      from: Math.floor(body.range.from / 1000),
      until: Math.ceil(body.range.to / 1000),
      step: body.intervalMs ? body.intervalMs / 1000 : undefined,
      maxDataPoints: body.maxDataPoints,
      timezone: body.timezone,
      now,
    });
    out.push(...formatAnswer(answer, t.refId, formatOf(format)));
  }
  return out;
}
