import { findMetric, METRICS } from "../catalogue";
import { selectProducts } from "../dimensions";
import type { MetricDef } from "../metric";
import type { ParamSpec } from "../params";
import { ANY } from "../selection";
import { FORMATS } from "./frames";

// POST /metrics: the metric list for the query builder, each with its parameters as payload fields.
// Closed lists carry their options; product options come inline, the others are asked for through
// /metric-payload-options (they depend on the chosen product).

type Option = { label: string; value: string };
type PayloadField = {
  label: string;
  name: string;
  type: "select" | "multi-select" | "input";
  reloadMetric?: boolean;
  width?: number;
  placeholder?: string;
  options?: Option[];
};

function payloadField(spec: ParamSpec, products: Option[]): PayloadField {
  if (spec.kind === "enum")
    return {
      label: spec.label,
      name: spec.name,
      type: spec.single ? "select" : "multi-select",
      options: spec.options.map((o) => ({ label: o, value: o })),
      placeholder: spec.defaults.join(", "),
    };
  if (spec.name === "product")
    return {
      label: spec.label,
      name: spec.name,
      type: "multi-select",
      reloadMetric: true,
      width: 20,
      options: products,
    };
  return { label: spec.label, name: spec.name, type: "multi-select" };
}

export function metricPayloads(metric: MetricDef, products: Option[]): PayloadField[] {
  return [
    ...metric.params.map((p) => payloadField(p, products)),
    { label: "Days start at (UTC offset)", name: "tz", type: "input", placeholder: "+08:00" },
    {
      label: "Answer as",
      name: "format",
      type: "select",
      options: FORMATS.map((f) => ({ label: f, value: f })),
      placeholder: "frames",
    },
  ];
}

export async function listMetrics(selected?: string) {
  const products = (await selectProducts(ANY)).map((p) => ({ label: p.name, value: p.name }));
  // The selected metric first, so the builder shows its fields straight away.
  const first = selected ? findMetric(selected) : undefined;
  const ordered = first ? [first, ...METRICS.filter((m) => m !== first)] : METRICS;
  return ordered.map((m) => ({ label: m.title, value: m.id, payloads: metricPayloads(m, products) }));
}
