import { runVariableQuery } from "../variables";

// POST /variable (and the older POST /search with a variable query): `$product`,
// `$bugversion=ProductA` … → [{__text, __value}], values regex-escaped or listed as Grafana sends them.

export async function variableValues(payload: { target: string } | string) {
  const query = typeof payload === "string" ? payload : payload.target;
  return (await runVariableQuery(query)).map((o) => ({ __text: o.text, __value: o.value }));
}
