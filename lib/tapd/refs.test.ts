import { describe, expect, it } from "vitest";
import { longTapdId, parseTapdRefs, shortTapdId } from "./refs";

describe("TAPD references", () => {
  it("finds TAPD's commit syntax in messages and MR titles", () => {
    expect(parseTapdRefs("fix login --story=1001234 --user=alice")).toEqual([
      { type: "story", id: "1001234" },
    ]);
    expect(parseTapdRefs("Resolve crash (--bug=1000042), see --STORY=1001234")).toEqual([
      { type: "bug", id: "1000042" },
      { type: "story", id: "1001234" },
    ]);
  });

  it("finds ids in branch names", () => {
    expect(parseTapdRefs("feature/story-1001234-login")).toEqual([{ type: "story", id: "1001234" }]);
    expect(parseTapdRefs("feature_bug_1000042")).toEqual([{ type: "bug", id: "1000042" }]);
    expect(parseTapdRefs("feature_story1146949574001000036")).toEqual([
      { type: "story", id: "1146949574001000036" },
    ]);
  });

  it("ignores words that only contain story or bug, and short numbers", () => {
    expect(parseTapdRefs("bugfix 1001234")).toEqual([]);
    expect(parseTapdRefs("userstory-1001234")).toEqual([]);
    expect(parseTapdRefs("bug 42, story 2024")).toEqual([]);
    expect(parseTapdRefs("bug 10012345678901234567890")).toEqual([]);
  });

  it("maps short ids to long ids and back, beyond 2^53 as strings", () => {
    expect(longTapdId("1000036", "46949574")).toBe("1146949574001000036");
    expect(shortTapdId("1146949574001000036", "46949574")).toBe("1000036");
    expect(shortTapdId("11991001001025", "991")).toBe("1001025");
    expect(shortTapdId("123", "991")).toBe("123");
  });
});
