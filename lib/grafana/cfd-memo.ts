// What the CFD keeps between Grafana refreshes: per workspace, version filter and bucket bounds, the
// bucket's status changes; per bucket layout, the stories created in it. History only grows (a sync
// adds change rows and upserts stories), so new data forgets only what it touches: a new change its
// bucket (and the created-story counts when it became a story's first change, which sets the story's
// initial status), a new story the created-story counts, a story edited (maybe moved to another
// iteration) everything narrowed to versions. The stories' current statuses are never kept.

export type ChangeRow = [workspaceId: string, after: string | null, before: string | null, n: number];
export type CreatedRow = { k: number; workspaceId: string; initial: string; n: number };

/** Where the data stood: the last rowids of changes and stories, the newest story `modified`. */
export type DataMarks = { changeRowid: number; storyRowid: number; modified: string };
/** A story status change added since the marks: its workspace, time (stored form), and whether it is now its story's first. */
export type NewChange = { workspaceId: string; changedAt: string; first: boolean };

/** Unfiltered entries' filter key. */
export const ALL_STORIES = "*";

type ChangeEntry = { workspaceId: string; filter: string; lo: string; hi: string; rows: ChangeRow[] };

export class CfdMemo {
  marks?: DataMarks;
  private readonly changes = new Map<string, ChangeEntry>();
  private readonly created = new Map<string, { filter: string; rows: CreatedRow[] }>();

  get size(): number {
    return this.changes.size + this.created.size;
  }

  private static key(workspaceId: string, filter: string, lo: string, hi: string) {
    return `${workspaceId}\u0000${filter}\u0000${lo}\u0000${hi}`;
  }

  getChanges(workspaceId: string, filter: string, lo: string, hi: string): ChangeRow[] | undefined {
    return this.changes.get(CfdMemo.key(workspaceId, filter, lo, hi))?.rows;
  }

  setChanges(workspaceId: string, filter: string, lo: string, hi: string, rows: ChangeRow[]) {
    this.changes.set(CfdMemo.key(workspaceId, filter, lo, hi), { workspaceId, filter, lo, hi, rows });
  }

  getCreated(filter: string, layout: string): CreatedRow[] | undefined {
    return this.created.get(`${filter}\u0000${layout}`)?.rows;
  }

  setCreated(filter: string, layout: string, rows: CreatedRow[]) {
    this.created.set(`${filter}\u0000${layout}`, { filter, rows });
  }

  /** Forgets what the new data touches (see the header). */
  forget(news: { changes: readonly NewChange[]; newStories: boolean; storiesEdited: boolean }) {
    for (const c of news.changes) {
      for (const [key, e] of this.changes)
        if (e.workspaceId === c.workspaceId && e.lo <= c.changedAt && c.changedAt < e.hi)
          this.changes.delete(key);
    }
    if (news.newStories || news.changes.some((c) => c.first)) this.created.clear();
    if (news.storiesEdited) {
      for (const [key, e] of this.changes) if (e.filter !== ALL_STORIES) this.changes.delete(key);
      for (const [key, e] of this.created) if (e.filter !== ALL_STORIES) this.created.delete(key);
    }
  }

  clear() {
    this.changes.clear();
    this.created.clear();
  }
}
