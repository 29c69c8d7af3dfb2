import { describe, expect, it } from "vitest";
import { ALL_STORIES, CfdMemo } from "./cfd-memo";

const day = (d: number) => `2024-01-0${d}T00:00:00.000+00:00`;

function filled() {
  const memo = new CfdMemo();
  for (const filter of [ALL_STORIES, '["it-1"]'])
    for (const d of [1, 2, 3]) memo.setChanges("ws-1", filter, day(d), day(d + 1), [["ws-1", "b", "a", d]]);
  memo.setChanges("ws-2", ALL_STORIES, day(1), day(2), []);
  memo.setCreated(ALL_STORIES, "layout", []);
  memo.setCreated('["it-1"]', "layout", []);
  return memo;
}

describe("CfdMemo", () => {
  it("forgets only the buckets of a new change in the same workspace", () => {
    const memo = filled();
    memo.forget({
      changes: [{ workspaceId: "ws-1", changedAt: "2024-01-02T10:00:00.000+00:00", first: false }],
      newStories: false,
      storiesEdited: false,
    });
    expect(memo.getChanges("ws-1", ALL_STORIES, day(2), day(3))).toBeUndefined();
    expect(memo.getChanges("ws-1", '["it-1"]', day(2), day(3))).toBeUndefined();
    expect(memo.getChanges("ws-1", ALL_STORIES, day(1), day(2))).toEqual([["ws-1", "b", "a", 1]]);
    expect(memo.getChanges("ws-2", ALL_STORIES, day(1), day(2))).toEqual([]);
    expect(memo.getCreated(ALL_STORIES, "layout")).toEqual([]);
  });

  it("forgets created stories for a story's new first change or new stories", () => {
    for (const news of [
      {
        changes: [{ workspaceId: "ws-1", changedAt: day(9), first: true }],
        newStories: false,
        storiesEdited: false,
      },
      { changes: [], newStories: true, storiesEdited: false },
    ]) {
      const memo = filled();
      memo.forget(news);
      expect(memo.getCreated(ALL_STORIES, "layout")).toBeUndefined();
      expect(memo.getChanges("ws-1", ALL_STORIES, day(1), day(2))).toBeDefined();
    }
  });

  it("forgets what is narrowed to versions when stories were edited", () => {
    const memo = filled();
    memo.forget({ changes: [], newStories: false, storiesEdited: true });
    expect(memo.getChanges("ws-1", '["it-1"]', day(1), day(2))).toBeUndefined();
    expect(memo.getCreated('["it-1"]', "layout")).toBeUndefined();
    expect(memo.getChanges("ws-1", ALL_STORIES, day(1), day(2))).toBeDefined();
    expect(memo.getCreated(ALL_STORIES, "layout")).toBeDefined();
    expect(memo.size).toBe(5);
  });
});
