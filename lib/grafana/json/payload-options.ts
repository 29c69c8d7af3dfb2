import { BadRequestError } from "@/lib/errors";
import { canonicalParam } from "../params";
import { metricOrThrow } from "../run-query";
import { parseValueList } from "../values";
import { runVariableQuery } from "../variables";
import { FORMATS } from "./frames";
import { payloadObject } from "./read-body";

// POST /metric-payload-options: the choices for one payload field of a metric, given what is already
// chosen: a dimension's options come from its variable query, narrowed to the chosen products.

type Option = { label: string; value: string };
const plain = (values: readonly string[]): Option[] => values.map((v) => ({ label: v, value: v }));
const WITHOUT_PRODUCT = new Set(["product", "env"]);

export async function payloadOptions(
  metricId: string,
  rawPayload: unknown,
  field: string,
): Promise<Option[]> {
  const metric = metricOrThrow(metricId);
  const payload = payloadObject(rawPayload);
  const name = canonicalParam(field);
  if (name === "format") return plain(FORMATS);
  const spec = metric.params.find((p) => p.name === name);
  if (!spec) throw new BadRequestError(`${metric.id} has no parameter "${field}"`);
  if (spec.kind === "enum") return plain(spec.options);
  const products = parseValueList(payload.product);
  const arg = products === undefined || products === "all" ? "*" : `{${products.join(",")}}`;
  const query = WITHOUT_PRODUCT.has(spec.variable) ? `$${spec.variable}` : `$${spec.variable}=${arg}`;
  return (await runVariableQuery(query)).map((o) => ({ label: o.text, value: o.value }));
}
