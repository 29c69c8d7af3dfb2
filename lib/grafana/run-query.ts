import { BadRequestError } from "@/lib/errors";
import { type Buckets, makeBuckets } from "./buckets";
import { findMetric, METRICS } from "./catalogue";
import type { Annotation, MetricDef, Series } from "./metric";
import { parseParams } from "./params";
import type { AdhocFilter } from "./selection";
import { EventCounter } from "./series";
import { parseTimeZone } from "./time-zone";

// One query of one metric, whatever the protocol: find the metric, read its parameters, lay out the
// buckets in the range and step, compute. Protocol adapters format what comes back.

export type MetricRequest = {
  /** Metric id (dotted) as the client named it. */
  metric: string;
  params: Record<string, unknown>;
  adhoc?: readonly AdhocFilter[];
  /** Unix seconds, [from, until). */
  from: number;
  until: number;
  step?: number;
  maxDataPoints?: number;
  /** The client's time zone when it sends one (JSON data source: dashboard time zone). */
  timezone?: string;
  now?: number;
};

export type MetricAnswer = { metric: MetricDef; buckets: Buckets; series: Series[]; events?: Annotation[] };

export function metricOrThrow(id: string): MetricDef {
  const metric = findMetric(id);
  if (!metric)
    throw new BadRequestError(`Unknown metric "${id}"; tao has ${METRICS.map((m) => m.id).join(", ")}`);
  return metric;
}

export async function runMetric(req: MetricRequest): Promise<MetricAnswer> {
  const metric = metricOrThrow(req.metric);
  const params = parseParams(metric.id, metric.params, req.params, req.adhoc);
  const zone = params.tz ?? (req.timezone && req.timezone !== "browser" ? req.timezone : undefined);
  const buckets = makeBuckets({
    from: req.from,
    until: req.until,
    step: req.step,
    maxDataPoints: req.maxDataPoints,
    offset: parseTimeZone(zone, req.from),
    now: req.now,
  });
  const ctx = { params, buckets };
  if (metric.kind === "series") return { metric, buckets, series: await metric.series(ctx) };
  const events = await metric.events(ctx);
  const counter = new EventCounter(buckets);
  for (const e of events) counter.add({}, e.timeEnd ?? e.time);
  return { metric, buckets, series: events.length ? counter.series() : [], events };
}
