import { describe, expect, it } from "vitest";
import { bugEvents, bugTimeline, openIntervals } from "./bug-timeline";

describe("bug timeline", () => {
  const bug = { status: "reopened", created: 100, resolved: null, closed: null };

  it("rebuilds open intervals and events from the status changes", () => {
    const t = bugTimeline(bug, [
      { at: 200, before: "new", after: "resolved" },
      { at: 300, before: "resolved", after: "closed" },
      { at: 400, before: "closed", after: "reopened" },
    ]);
    expect(openIntervals(t)).toEqual([
      { from: 100, to: 200 },
      { from: 400, to: null },
    ]);
    expect(bugEvents(t)).toEqual([
      { kind: "resolved", at: 200 },
      { kind: "closed", at: 300 },
      { kind: "reopened", at: 400 },
    ]);
  });

  it("falls back on the resolved / closed times of a bug without history", () => {
    const t = bugTimeline({ status: "closed", created: 100, resolved: 150, closed: 180 }, []);
    expect(openIntervals(t)).toEqual([{ from: 100, to: 150 }]);
    expect(bugEvents(t).map((e) => e.kind)).toEqual(["resolved", "closed"]);
    expect(openIntervals(bugTimeline({ ...bug, status: "new" }, []))).toEqual([{ from: 100, to: null }]);
  });
});
