import type { Buckets } from "./buckets";
import type { MetricParams, ParamSpec } from "./params";

// What a metric is: its name, how to read its values, its parameters, and how to compute it.
// Protocol adapters (falcon/, json/) only translate requests and answers.

export type Labels = Record<string, string>;

/** One line on a chart: labels naming it, one value per bucket (null = no value, e.g. no samples). */
export type Series = { labels: Labels; values: (number | null)[] };

/** An event shown as a Grafana annotation; times in Unix seconds. */
export type Annotation = { time: number; timeEnd?: number; title: string; text: string; tags: string[] };

export type MetricContext = { params: MetricParams; buckets: Buckets };

type Common = {
  /** Dotted name, e.g. `tapd.bugs.change.daily`; falcon path `@tapd#bugs#change#daily`. */
  id: string;
  title: string;
  description: string;
  /** Grafana unit: short (counts), s (durations), percentunit (ratios 0–1). */
  unit: "short" | "s" | "percentunit";
  /** Name of the value field in data frames, e.g. "bugs". */
  valueName: string;
  /** What an empty bucket holds: 0 for counts, null where no value exists (averages, rates). */
  empty: "zero" | "null";
  params: readonly ParamSpec[];
};

export type SeriesMetric = Common & { kind: "series"; series(ctx: MetricContext): Promise<Series[]> };
export type EventMetric = Common & { kind: "events"; events(ctx: MetricContext): Promise<Annotation[]> };
export type MetricDef = SeriesMetric | EventMetric;

/** A series' display name: its label values, in order. */
export function seriesName(labels: Labels): string {
  return Object.values(labels).join(" ");
}
