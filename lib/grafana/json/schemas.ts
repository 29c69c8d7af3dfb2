import { z } from "zod";

// Request bodies of the JSON data source (simPod plugin, Grafana 10–12; older SimpleJSON calls).
// Only what tao reads is declared; Grafana's other fields pass unread.

/** An instant: ISO 8601 (what Grafana sends) or epoch milliseconds. → Unix milliseconds. */
const ZInstant = z.union([
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
  z.number().int().nonnegative(),
]);

export const ZRange = z.object({ from: ZInstant, to: ZInstant });

export const ZAdhocFilter = z.object({
  key: z.string(),
  operator: z.string().default("="),
  value: z.string().optional(),
  values: z.array(z.string()).optional(),
});

/** Builder mode sends an object; code mode a JSON string that the plugin already parsed — or not. */
const ZPayload = z.union([z.record(z.string(), z.unknown()), z.string(), z.null()]).optional();

export const ZQueryTarget = z.object({
  refId: z.string().default("A"),
  target: z.union([z.string(), z.number()]).transform(String).optional(),
  payload: ZPayload,
  hide: z.boolean().optional(),
});

export const ZQueryRequest = z.object({
  range: ZRange,
  intervalMs: z.number().positive().optional(),
  maxDataPoints: z.number().int().positive().optional(),
  timezone: z.string().optional(),
  targets: z.array(ZQueryTarget),
  filters: z.array(ZAdhocFilter).optional(),
  adhocFilters: z.array(ZAdhocFilter).optional(),
});
export type TQueryRequest = z.infer<typeof ZQueryRequest>;

export const ZMetricsRequest = z.object({ metric: z.string().optional(), payload: ZPayload });

export const ZPayloadOptionsRequest = z.object({ metric: z.string(), payload: ZPayload, name: z.string() });

export const ZVariableRequest = z.object({
  payload: z.union([z.object({ target: z.string() }).loose(), z.string()]),
  range: ZRange.optional(),
});

export const ZTagValuesRequest = z.object({ key: z.string() });

export const ZSearchRequest = z.object({ target: z.string().default("") });

export const ZAnnotationsRequest = z.object({
  range: ZRange,
  annotation: z
    .object({ name: z.string().optional(), query: z.string().optional(), enable: z.boolean().optional() })
    .loose(),
});
