import { BadRequestError } from "@/lib/errors";

// Which values of a dimension (product, version, env …) a query keeps: the values it names (or all),
// narrowed by Grafana's ad hoc filters. Dimension tables are small, so filters run on names in memory.

export type Selection = { values: readonly string[] | "all"; filters: ((value: string) => boolean)[] };

export const ANY: Selection = { values: "all", filters: [] };

export function accepts(selection: Selection, value: string): boolean {
  if (selection.values !== "all" && !selection.values.includes(value)) return false;
  return selection.filters.every((f) => f(value));
}

export function selectsAll(selection: Selection): boolean {
  return selection.values === "all" && selection.filters.length === 0;
}

export type AdhocFilter = { key: string; operator: string; value?: string; values?: string[] };

/** An ad hoc filter as a test on a value. Regexes are anchored, like Grafana's other data sources. */
export function adhocTest(filter: AdhocFilter): (value: string) => boolean {
  const value = filter.value ?? "";
  const values = filter.values ?? [value];
  switch (filter.operator) {
    case "=":
      return (v) => v === value;
    case "!=":
      return (v) => v !== value;
    case "=|":
      return (v) => values.includes(v);
    case "!=|":
      return (v) => !values.includes(v);
    case "=~":
    case "!~": {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${value})$`);
      } catch {
        throw new BadRequestError(
          `Ad hoc filter ${filter.key}: "${value}" is not a valid regular expression`,
        );
      }
      return filter.operator === "=~" ? (v) => re.test(v) : (v) => !re.test(v);
    }
    default:
      throw new BadRequestError(`Ad hoc filter ${filter.key}: unknown operator "${filter.operator}"`);
  }
}
