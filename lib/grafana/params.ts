import { BadRequestError } from "@/lib/errors";
import { type AdhocFilter, ANY, adhocTest, type Selection } from "./selection";
import { parseValueList } from "./values";

// A metric's parameters, declared once in the catalogue and read the same way from a falcon target
// (`/product=A,version={v1,v2}`) and from a JSON payload ({"product": "A", "version": ["v1"]}).

export type ParamSpec =
  /** Free values matched against names in the data; `variable` is the variable query listing them. */
  | { name: string; label: string; kind: "dimension"; variable: VariableName }
  /** A closed list; `single` takes exactly one. */
  | {
      name: string;
      label: string;
      kind: "enum";
      options: readonly string[];
      defaults: readonly string[];
      single?: boolean;
    };

/** Every metric also takes `tz`: where days begin for daily buckets. */
export const TZ_PARAM = "tz";
const ALIASES: Record<string, string> = {
  environment: "env",
  environments: "env",
  products: "product",
  versions: "version",
};

/** Variable queries (lib/grafana/variables.ts); those after `env` take products as their argument. */
export const VARIABLE_NAMES = [
  "product",
  "env",
  "version",
  "bugversion",
  "component",
  "storystatus",
] as const;
export type VariableName = (typeof VARIABLE_NAMES)[number];

export const DIMENSIONS = {
  product: { name: "product", label: "Product", kind: "dimension", variable: "product" },
  env: { name: "env", label: "Environment", kind: "dimension", variable: "env" },
  /** Versions bugs were reported against. */
  bugVersion: { name: "version", label: "Version", kind: "dimension", variable: "bugversion" },
  /** Release versions (= TAPD iteration names). */
  version: { name: "version", label: "Version", kind: "dimension", variable: "version" },
  component: { name: "component", label: "Component", kind: "dimension", variable: "component" },
  storyStatus: { name: "status", label: "Status", kind: "dimension", variable: "storystatus" },
} as const satisfies Record<string, ParamSpec>;

export type MetricParams = {
  selections: Record<string, Selection>;
  choices: Record<string, readonly string[]>;
  tz?: string;
  /** The parameters as the client wrote them (after unescaping), for series names. */
  given: Record<string, readonly string[]>;
};

export function canonicalParam(name: string): string {
  const n = name.trim().toLowerCase();
  return ALIASES[n] ?? n;
}

export function parseParams(
  metricId: string,
  specs: readonly ParamSpec[],
  raw: Record<string, unknown>,
  adhoc: readonly AdhocFilter[] = [],
): MetricParams {
  const out: MetricParams = { selections: {}, choices: {}, given: {} };
  const known = new Map(specs.map((s) => [s.name, s]));
  for (const [key, value] of Object.entries(raw)) {
    const name = canonicalParam(key);
    const values = parseValueList(value);
    if (name === TZ_PARAM) {
      if (Array.isArray(values)) out.tz = values[0];
      continue;
    }
    const spec = known.get(name);
    if (!spec) {
      const names = [...specs.map((s) => s.name), TZ_PARAM].join(", ");
      throw new BadRequestError(`${metricId} has no parameter "${key}"; it takes ${names}`);
    }
    if (values === undefined) continue;
    if (values !== "all") out.given[name] = values;
    if (spec.kind === "dimension") out.selections[name] = { values, filters: [] };
    else out.choices[name] = checkChoice(metricId, spec, values);
  }
  for (const spec of specs) {
    if (spec.kind === "dimension") out.selections[spec.name] ??= { ...ANY, filters: [] };
    else out.choices[spec.name] ??= spec.defaults;
  }
  for (const filter of adhoc) {
    const name = canonicalParam(filter.key);
    const spec = known.get(name);
    if (!spec) continue; // a filter on something this metric does not have does not apply to it
    const test = adhocTest(filter);
    if (spec.kind === "dimension") out.selections[name]!.filters.push(test);
    else out.choices[name] = out.choices[name]!.filter(test);
  }
  return out;
}

function checkChoice(
  metricId: string,
  spec: Extract<ParamSpec, { kind: "enum" }>,
  values: readonly string[] | "all",
): readonly string[] {
  if (values === "all") return spec.single ? spec.defaults : spec.options;
  const wrong = values.filter((v) => !spec.options.includes(v));
  if (wrong.length)
    throw new BadRequestError(
      `${metricId}: ${spec.name} cannot be ${wrong.join(", ")}; choose from ${spec.options.join(", ")}`,
    );
  if (spec.single && values.length > 1)
    throw new BadRequestError(`${metricId}: ${spec.name} takes one value, not ${values.join(", ")}`);
  return values;
}

export function selection(params: MetricParams, name: string): Selection {
  return params.selections[name] ?? ANY;
}

export function choice(params: MetricParams, name: string): readonly string[] {
  return params.choices[name] ?? [];
}
