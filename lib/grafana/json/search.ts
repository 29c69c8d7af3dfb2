import { METRICS } from "../catalogue";
import { parseVariableQuery, runVariableQuery } from "../variables";

// POST /search, the SimpleJSON call: a variable query answers its values, anything else the metric
// ids containing the text.

export async function search(target: string): Promise<string[]> {
  if (parseVariableQuery(target) && target.trim().startsWith("$"))
    return (await runVariableQuery(target)).map((o) => o.value);
  const text = target.trim().toLowerCase();
  return METRICS.map((m) => m.id).filter((id) => id.includes(text));
}
