import { describe, expect, it } from "vitest";
import { unifiedDiff } from "./line-diff";

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a\nb\n", "a\nb\n")).toBe("");
  });

  it("shows a changed line with context", () => {
    const before = ["1", "2", "3", "4", "5", "6", "7", "8", "9"].join("\n");
    const after = before.replace("5", "five");
    expect(unifiedDiff(before, after)).toBe(
      [
        "--- before",
        "+++ after",
        "@@ -2,7 +2,7 @@",
        " 2",
        " 3",
        " 4",
        "-5",
        "+five",
        " 6",
        " 7",
        " 8",
        "",
      ].join("\n"),
    );
  });

  it("handles additions to an empty text and deletions of everything", () => {
    expect(unifiedDiff("", "x\ny")).toBe("--- before\n+++ after\n@@ -0,0 +1,2 @@\n+x\n+y\n");
    expect(unifiedDiff("x\ny", "")).toBe("--- before\n+++ after\n@@ -1,2 +0,0 @@\n-x\n-y\n");
  });

  it("keeps far apart changes in separate hunks", () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const changed = [...lines];
    changed[2] = "two";
    changed[25] = "twenty-five";
    const diff = unifiedDiff(lines.join("\n"), changed.join("\n"));
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(diff).toContain("-line 2\n+two");
    expect(diff).toContain("-line 25\n+twenty-five");
  });
});
