import type { z } from "zod";
import { db } from "@/lib/db";
import {
  bugChangeColumns,
  bugColumns,
  type ChangeColumns,
  iterationColumns,
  storyChangeColumns,
  storyColumns,
} from "./map-rows";
import { fieldsOf, ZWireBug, ZWireBugChange, ZWireIteration, ZWireStory, ZWireStoryChange } from "./wire";

// The lists one workspace sync reads, in order, and how each page is written: idempotent upserts in
// one transaction per page. `newest` is the page's newest modified (changes: created) time, which
// becomes the entity's cursor once the whole list was read.

export type EntityName = "iterations" | "stories" | "bugs" | "storyChanges" | "bugChanges";

type Written = { written: number; newest: Date | null };

export type EntitySpec<S extends z.ZodType = z.ZodType> = {
  name: EntityName;
  path: string;
  key: string;
  schema: S;
  fields?: string;
  pageSize: number;
  /** Which time the incremental filter uses: modified (items) or created (changes, never modified). */
  since: "modified" | "created";
  write: (rows: z.infer<S>[]) => Promise<Written>;
};

function newestOf(dates: (Date | null)[]): Date | null {
  let max: Date | null = null;
  for (const d of dates) if (d && (!max || d > max)) max = d;
  return max;
}

const spec = <S extends z.ZodType>(s: EntitySpec<S>) => s as unknown as EntitySpec;

async function writeChanges(rows: ChangeColumns[]): Promise<number> {
  await db.$transaction(
    rows.map((c) =>
      db.tapdChange.upsert({
        where: { entityType_id_field: { entityType: c.entityType, id: c.id, field: c.field } },
        create: c,
        update: c,
      }),
    ),
  );
  return rows.length;
}

export const ENTITIES: EntitySpec[] = [
  spec({
    name: "iterations",
    path: "/iterations",
    key: "Iteration",
    schema: ZWireIteration,
    fields: fieldsOf(ZWireIteration),
    pageSize: 200,
    since: "modified",
    write: async (rows) => {
      const data = rows.map(iterationColumns);
      await db.$transaction(
        data.map((d) => db.tapdIteration.upsert({ where: { id: d.id }, create: d, update: d })),
      );
      return { written: data.length, newest: newestOf(data.map((d) => d.modified)) };
    },
  }),
  spec({
    name: "stories",
    path: "/stories",
    key: "Story",
    schema: ZWireStory,
    fields: fieldsOf(ZWireStory),
    pageSize: 200,
    since: "modified",
    write: async (rows) => {
      const data = rows.map(storyColumns);
      await db.$transaction(
        data.map((d) => db.tapdStory.upsert({ where: { id: d.id }, create: d, update: d })),
      );
      return { written: data.length, newest: newestOf(data.map((d) => d.modified)) };
    },
  }),
  spec({
    name: "bugs",
    path: "/bugs",
    key: "Bug",
    schema: ZWireBug,
    fields: fieldsOf(ZWireBug),
    pageSize: 200,
    since: "modified",
    write: async (rows) => {
      const data = rows.map(bugColumns);
      await db.$transaction(
        data.map((d) => db.tapdBug.upsert({ where: { id: d.id }, create: d, update: d })),
      );
      return { written: data.length, newest: newestOf(data.map((d) => d.modified)) };
    },
  }),
  spec({
    name: "storyChanges",
    path: "/story_changes",
    key: "WorkitemChange",
    schema: ZWireStoryChange,
    pageSize: 100,
    since: "created",
    write: async (rows) => {
      const data = rows.flatMap(storyChangeColumns);
      return { written: await writeChanges(data), newest: newestOf(data.map((d) => d.changedAt)) };
    },
  }),
  spec({
    name: "bugChanges",
    path: "/bug_changes",
    key: "BugChange",
    schema: ZWireBugChange,
    pageSize: 100,
    since: "created",
    write: async (rows) => {
      const data = rows.map(bugChangeColumns).filter((c): c is ChangeColumns => c !== null);
      const written = await writeChanges(data);
      // TAPD records a deletion as a change of the pseudo-field delete_bug; the mirror follows.
      const deleted = data.filter((c) => c.field === "delete_bug").map((c) => c.entityId);
      if (deleted.length) await db.tapdBug.deleteMany({ where: { id: { in: deleted } } });
      return { written, newest: newestOf(data.map((d) => d.changedAt)) };
    },
  }),
];
