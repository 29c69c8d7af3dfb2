import { z } from "zod";
import { bucketStart, DAY } from "../buckets";
import { runMetric } from "../run-query";
import { parseTarget } from "../target";
import { parseValues } from "../values";

// POST|GET /render for the Open-Falcon plugin: repeated `target`, `from` / `until` in Unix seconds,
// `maxDataPoints`, optional `step`; one falcon record per series, in target order. A target whose
// filters match nothing gives no record (the plugin drops it); a target that cannot be read is a 400.
// The plugin sends no step: days then, like the original (longer steps when a day each would be
// more than maxDataPoints).

const seconds = (name: string) =>
  z
    .string({ error: `${name} is required (Unix seconds)` })
    .regex(/^\d+(\.\d+)?$/, `${name}: Unix seconds, e.g. 1546300800`)
    .transform(Number)
    .refine((n) => n < 1e11, `${name}: Unix seconds expected; this looks like milliseconds`);

export const ZRenderRequest = z.object({
  target: z.array(z.string()).min(1, "target: give at least one"),
  from: seconds("from"),
  until: seconds("until"),
  format: z.enum(["json"], { error: "format: only json is served" }).optional(),
  maxDataPoints: z.coerce.number().int().positive().optional(),
  step: z.coerce.number().int().positive().optional(),
  consolFun: z.string().optional(),
  cacheTimeout: z.string().optional(),
});

export type FalconRecord = {
  endpoint: string;
  counter: string;
  dstype: "GAUGE";
  step: number;
  Values: { timestamp: number; value: number | null }[];
};

/** Form fields (body or query string) → the request; `target` repeats, the rest appear once. */
export function readRenderRequest(form: URLSearchParams) {
  const raw: Record<string, unknown> = { target: form.getAll("target") };
  for (const key of ["from", "until", "format", "maxDataPoints", "step", "consolFun", "cacheTimeout"])
    if (form.has(key) && form.get(key) !== "") raw[key] = form.get(key);
  return ZRenderRequest.parse(raw);
}

const listText = (values: readonly string[]) => (values.length === 1 ? values[0]! : `{${values.join(",")}}`);

export async function render(req: z.infer<typeof ZRenderRequest>, now?: number): Promise<FalconRecord[]> {
  const records: FalconRecord[] = [];
  for (const text of req.target) {
    const target = parseTarget(text, { falcon: true });
    const answer = await runMetric({
      metric: target.metric,
      params: target.params,
      from: req.from,
      until: req.until,
      step: req.step ?? DAY,
      maxDataPoints: req.maxDataPoints,
      now,
    });
    const [first, ...rest] = answer.metric.id.split(".");
    const given: Record<string, string> = {};
    for (const [k, v] of Object.entries(target.params)) {
      const values = parseValues(v);
      given[k] = values === "all" ? "*" : listText(values);
    }
    for (const series of answer.series) {
      const tags = { ...given, ...series.labels };
      const tagText = Object.entries(tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(",");
      records.push({
        endpoint: `@${first}`,
        counter: tagText ? `${rest.join(".")}/${tagText}` : rest.join("."),
        dstype: "GAUGE",
        step: answer.buckets.step,
        Values: series.values.map((value, i) => ({ timestamp: bucketStart(answer.buckets, i), value })),
      });
    }
  }
  return records;
}
