import { z } from "zod";
import { BadRequestError } from "@/lib/errors";
import { storedInstant } from "@/lib/stored-instant";
import type { Dataset } from "./datasets";

// The raw data API's query string: fields (whitelist), workspace_id, modified_since. Anything else,
// or a field that is not on the list, is a 400 that says what is allowed.

export type ExportQuery = { fields: string[]; workspaceId?: string; modifiedSince?: string };

const ZWorkspaceId = z.string().regex(/^\d{1,20}$/, "a TAPD workspace id (digits)");
const ZSince = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "an ISO 8601 date (2024-01-31) or date-time with its zone (2024-01-31T08:00:00+08:00)",
});

/** A date or date-time in the stored DateTime form, so the comparison is a plain string compare. */
function sinceInstant(value: string): string {
  return storedInstant(new Date(value.length === 10 ? `${value}T00:00:00Z` : value));
}

export function parseExportQuery(url: string, dataset: Dataset): ExportQuery {
  const params = new URL(url).searchParams;
  const allowed = ["fields", "workspace_id", "modified_since"];
  for (const key of params.keys())
    if (!allowed.includes(key))
      throw new BadRequestError(`Unknown parameter "${key}"; use ${allowed.join(", ")}`);

  const names = Object.keys(dataset.columns);
  const raw = params.get("fields");
  const fields =
    raw === null
      ? names
      : [
          ...new Set(
            raw
              .split(",")
              .map((f) => f.trim())
              .filter(Boolean),
          ),
        ];
  const unknown = fields.filter((f) => !names.includes(f));
  if (fields.length === 0 || unknown.length > 0) {
    const what = unknown.length ? `unknown field(s) ${unknown.join(", ")}` : "no field given";
    throw new BadRequestError(`fields: ${what}; the ${dataset.name} fields are ${names.join(", ")}`);
  }
  const query: ExportQuery = { fields };
  const ws = params.get("workspace_id");
  if (ws !== null) query.workspaceId = field("workspace_id", ZWorkspaceId, ws);
  const since = params.get("modified_since");
  if (since !== null) query.modifiedSince = sinceInstant(field("modified_since", ZSince, since));
  return query;
}

function field(name: string, schema: z.ZodType<string>, value: string): string {
  const r = schema.safeParse(value);
  if (!r.success) throw new BadRequestError(`${name}: ${r.error.issues[0]?.message ?? "invalid"}`);
  return r.data;
}
