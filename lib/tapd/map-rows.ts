import { calendarDate, chinaTimeToInstant } from "./china-time";
import type {
  TWireBug,
  TWireBugChange,
  TWireIteration,
  TWireStory,
  TWireStoryChange,
  TWireWorkspace,
} from "./wire";

// TAPD rows → tao's columns: China time → instants, "YYYY-MM-DD" kept as dates, ids as strings.

export function workspaceColumns(w: TWireWorkspace) {
  return { id: w.id, name: w.name || w.id, status: w.status, created: chinaTimeToInstant(w.created) };
}

export function iterationColumns(i: TWireIteration) {
  return {
    id: i.id,
    workspaceId: i.workspace_id,
    name: i.name.trim() || i.id,
    status: i.status,
    startDate: calendarDate(i.startdate),
    endDate: calendarDate(i.enddate),
    created: chinaTimeToInstant(i.created),
    modified: chinaTimeToInstant(i.modified),
    completed: chinaTimeToInstant(i.completed),
  };
}

export function storyColumns(s: TWireStory) {
  return {
    id: s.id,
    workspaceId: s.workspace_id,
    name: s.name,
    status: s.status,
    priority: s.priority,
    owner: s.owner,
    creator: s.creator,
    developer: s.developer,
    iterationId: s.iteration_id,
    parentId: s.parent_id,
    module: s.module,
    begin: calendarDate(s.begin),
    due: calendarDate(s.due),
    created: chinaTimeToInstant(s.created),
    modified: chinaTimeToInstant(s.modified),
    completed: chinaTimeToInstant(s.completed),
  };
}

export function bugColumns(b: TWireBug) {
  return {
    id: b.id,
    workspaceId: b.workspace_id,
    title: b.title,
    status: b.status,
    severity: b.severity,
    priority: b.priority,
    versionReport: b.version_report,
    iterationId: b.iteration_id,
    storyId: b.story_id,
    module: b.module,
    reporter: b.reporter,
    currentOwner: b.current_owner,
    fixer: b.fixer,
    resolution: b.resolution,
    bugType: b.bugtype,
    created: chinaTimeToInstant(b.created),
    modified: chinaTimeToInstant(b.modified),
    resolved: chinaTimeToInstant(b.resolved),
    closed: chinaTimeToInstant(b.closed),
  };
}

export type ChangeColumns = {
  id: string;
  field: string;
  entityType: "bug" | "story";
  entityId: string;
  workspaceId: string;
  before: string | null;
  after: string | null;
  author: string;
  changedAt: Date;
};

/** A bug change is one field; rows without a usable time are dropped. */
export function bugChangeColumns(c: TWireBugChange): ChangeColumns | null {
  const changedAt = chinaTimeToInstant(c.created);
  if (!changedAt || !c.field) return null;
  return {
    id: c.id,
    field: c.field,
    entityType: "bug",
    entityId: c.bug_id,
    workspaceId: c.workspace_id,
    before: nullIfEmpty(c.old_value),
    after: nullIfEmpty(c.new_value),
    author: c.author,
    changedAt,
  };
}

/** A story change lists several fields; one row each. Iteration moves keep the iteration ids. */
export function storyChangeColumns(c: TWireStoryChange): ChangeColumns[] {
  const changedAt = chinaTimeToInstant(c.created);
  if (!changedAt) return [];
  const seen = new Set<string>();
  const rows: ChangeColumns[] = [];
  for (const f of c.field_changes ?? []) {
    if (!f.field || f.field === "tapd_request_id" || seen.has(f.field)) continue;
    seen.add(f.field);
    const isIteration = f.field === "iteration_id" && f.after_iteration_id !== undefined;
    rows.push({
      id: c.id,
      field: f.field,
      entityType: "story",
      entityId: c.story_id,
      workspaceId: c.workspace_id,
      before: isIteration ? iterationRef(f.before_iteration_id) : text(f.value_before),
      after: isIteration ? iterationRef(f.after_iteration_id) : text(f.value_after),
      author: c.creator,
      changedAt,
    });
  }
  return rows;
}

function nullIfEmpty(v: string): string | null {
  return v === "" || v === "--" ? null : v;
}

/** An iteration id in a change; 0 means "no iteration". */
function iterationRef(v: unknown): string | null {
  const t = text(v);
  return t === "0" ? null : t;
}

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return nullIfEmpty(typeof v === "string" ? v : JSON.stringify(v));
}
