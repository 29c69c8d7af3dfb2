import { z } from "zod";

// TAPD's wire format: the {status, data, info} envelope and the rows tao reads. Every value is a
// string (sometimes a number), empty is "" or null. IDs stay strings: they exceed 2^53.

export const ZEnvelope = z.object({
  status: z.coerce.number(),
  data: z.unknown(),
  info: z.string().nullish(),
});

/** Text field: "" for null/missing, numbers as their text. */
const ZText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v == null ? "" : String(v)));

/** A TAPD id: digits as a string. A JSON number is accepted only while it is still exact. */
export const ZTapdId = z.unknown().transform((v, ctx) => {
  if (typeof v === "string" && /^\d{1,20}$/.test(v)) return v;
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return String(v);
  ctx.addIssue({
    code: "custom",
    message:
      typeof v === "number"
        ? "an id beyond 2^53 arrived as a JSON number and lost its digits"
        : "not a TAPD id (digits)",
  });
  return z.NEVER;
});

/** An optional reference: "", null and "0" (TAPD's "none") become null. */
const ZRef = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v == null || v === "" || v === "0" || v === 0 ? null : String(v)))
  .pipe(
    z
      .string()
      .regex(/^\d{1,20}$/)
      .nullable(),
  );

export const ZWireWorkspace = z.object({
  id: ZTapdId,
  name: ZText,
  status: ZText,
  created: ZText,
});

export const ZWireIteration = z.object({
  id: ZTapdId,
  workspace_id: ZTapdId,
  name: ZText,
  status: ZText,
  startdate: ZText,
  enddate: ZText,
  created: ZText,
  modified: ZText,
  completed: ZText,
});

export const ZWireStory = z.object({
  id: ZTapdId,
  workspace_id: ZTapdId,
  name: ZText,
  status: ZText,
  priority: ZText,
  owner: ZText,
  creator: ZText,
  developer: ZText,
  iteration_id: ZRef,
  parent_id: ZRef,
  module: ZText,
  begin: ZText,
  due: ZText,
  created: ZText,
  modified: ZText,
  completed: ZText,
});

export const ZWireBug = z.object({
  id: ZTapdId,
  workspace_id: ZTapdId,
  title: ZText,
  status: ZText,
  severity: ZText,
  priority: ZText,
  version_report: ZText,
  iteration_id: ZRef,
  story_id: ZRef,
  module: ZText,
  reporter: ZText,
  current_owner: ZText,
  fixer: ZText,
  resolution: ZText,
  bugtype: ZText,
  created: ZText,
  modified: ZText,
  resolved: ZText,
  closed: ZText,
});

export const ZWireBugChange = z.object({
  id: ZTapdId,
  workspace_id: ZTapdId,
  bug_id: ZTapdId,
  author: ZText,
  field: ZText,
  old_value: ZText,
  new_value: ZText,
  created: ZText,
});

const ZFieldChange = z.object({
  field: ZText,
  value_before: z.unknown().optional(),
  value_after: z.unknown().optional(),
  before_iteration_id: z.unknown().optional(),
  after_iteration_id: z.unknown().optional(),
});

export const ZWireStoryChange = z.object({
  id: ZTapdId,
  workspace_id: ZTapdId,
  story_id: ZTapdId,
  creator: ZText,
  created: ZText,
  field_changes: z.array(ZFieldChange).nullish(),
});

/** Status maps: {"new": "新", "in_progress": "接受/处理", …}. */
export const ZWireStatusMap = z.record(z.string(), ZText);

export const ZWireCount = z.object({ count: z.coerce.number().int().min(0) });

export type TWireWorkspace = z.infer<typeof ZWireWorkspace>;
export type TWireIteration = z.infer<typeof ZWireIteration>;
export type TWireStory = z.infer<typeof ZWireStory>;
export type TWireBug = z.infer<typeof ZWireBug>;
export type TWireBugChange = z.infer<typeof ZWireBugChange>;
export type TWireStoryChange = z.infer<typeof ZWireStoryChange>;

/** The fields tao asks for (TAPD wants `fields` on every list call: big answers fail). */
export function fieldsOf(schema: z.ZodObject): string {
  return Object.keys(schema.shape).join(",");
}
