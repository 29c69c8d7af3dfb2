import { bucketStart } from "../buckets";
import { type Annotation, seriesName } from "../metric";
import type { MetricAnswer } from "../run-query";

// A metric's answer in the JSON data source's shapes: data frames (default), the legacy time series
// `{target, datapoints: [[value, ms]]}`, or a table `{type: "table", columns, rows}` (one row per
// bucket and series). Events become an annotation frame: time, timeEnd, title, text, tags.

export const FORMATS = ["frames", "timeseries", "table"] as const;
export type Format = (typeof FORMATS)[number];

const ms = (seconds: number) => seconds * 1000;

export function formatAnswer(answer: MetricAnswer, refId: string, format: Format): unknown[] {
  if (answer.events) return [eventsAnswer(answer.events, refId, format)];
  const b = answer.buckets;
  const times = Array.from({ length: b.count }, (_, i) => ms(bucketStart(b, i)));
  const { metric } = answer;
  if (format === "timeseries")
    return answer.series.map((s) => ({
      target: seriesName(s.labels) || metric.valueName,
      datapoints: s.values.map((v, i) => [v, times[i]]),
    }));
  if (format === "table") {
    const keys = [...new Set(answer.series.flatMap((s) => Object.keys(s.labels)))];
    return [
      {
        type: "table",
        refId,
        columns: [
          { text: "time", type: "time" },
          ...keys.map((k) => ({ text: k, type: "string" })),
          { text: metric.valueName, type: "number" },
        ],
        rows: answer.series.flatMap((s) =>
          s.values.map((v, i) => [times[i], ...keys.map((k) => s.labels[k] ?? ""), v]),
        ),
      },
    ];
  }
  return answer.series.map((s) => {
    const name = seriesName(s.labels) || metric.valueName;
    return {
      name,
      refId,
      fields: [
        { name: "time", type: "time", values: times },
        {
          name: metric.valueName,
          type: "number",
          values: s.values,
          labels: s.labels,
          config: { displayNameFromDS: name, unit: metric.unit },
        },
      ],
    };
  });
}

function eventsAnswer(events: Annotation[], refId: string, format: Format): unknown {
  const sorted = [...events].sort((a, b) => a.time - b.time);
  if (format === "table")
    return {
      type: "table",
      refId,
      columns: ["time", "timeEnd", "title", "text", "tags"].map((text) => ({
        text,
        type: text.startsWith("time") ? "time" : "string",
      })),
      rows: sorted.map((e) => [ms(e.time), ms(e.timeEnd ?? e.time), e.title, e.text, e.tags.join(",")]),
    };
  return {
    name: "annotations",
    refId,
    fields: [
      { name: "time", type: "time", values: sorted.map((e) => ms(e.time)) },
      { name: "timeEnd", type: "time", values: sorted.map((e) => ms(e.timeEnd ?? e.time)) },
      { name: "title", type: "string", values: sorted.map((e) => e.title) },
      { name: "text", type: "string", values: sorted.map((e) => e.text) },
      // Grafana splits a tags field on commas
      { name: "tags", type: "string", values: sorted.map((e) => e.tags.join(",")) },
    ],
  };
}
