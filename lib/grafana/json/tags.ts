import { BadRequestError } from "@/lib/errors";
import { canonicalParam } from "../params";
import { runVariableQuery } from "../variables";

// Ad hoc filters: POST /tag-keys lists the dimensions a filter can narrow; POST /tag-values the values
// of one. A filter applies to every metric that has that parameter and is ignored by the others.

const KEYS = { product: "$product", version: "$version", env: "$env", component: "$component" } as const;

export function tagKeys() {
  return Object.keys(KEYS).map((text) => ({ type: "string", text }));
}

export async function tagValues(key: string) {
  const name = canonicalParam(key);
  if (!(name in KEYS))
    throw new BadRequestError(`No ad hoc filter "${key}"; use ${Object.keys(KEYS).join(", ")}`);
  const options = await runVariableQuery(KEYS[name as keyof typeof KEYS]);
  if (name !== "version") return options.map((o) => ({ text: o.value }));
  // versions: releases and the versions bugs were reported against, each once
  const bugs = await runVariableQuery("$bugversion");
  return [...new Set([...options, ...bugs].map((o) => o.value))].map((text) => ({ text }));
}
