import { describe, expect, it } from "vitest";
import { summarize } from "./stats";
import { parseTimeZone } from "./time-zone";

describe("summarize", () => {
  it("gives nearest-rank quantiles, mean and max; no samples → null", () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(summarize(xs, "mean")).toBe(5.5);
    expect(summarize(xs, "p50")).toBe(5);
    expect(summarize(xs, "p90")).toBe(9);
    expect(summarize(xs, "max")).toBe(10);
    expect(summarize([], "mean")).toBeNull();
  });
});

describe("parseTimeZone", () => {
  it("reads offsets and zone names", () => {
    expect(parseTimeZone("+08:00", 0)).toBe(28_800);
    expect(parseTimeZone("-0530", 0)).toBe(-19_800);
    expect(parseTimeZone("utc", 0)).toBe(0);
    expect(parseTimeZone(undefined, 0)).toBe(0);
    expect(parseTimeZone("Asia/Shanghai", Date.UTC(2024, 0, 1) / 1000)).toBe(28_800);
    // New York: −5 h in winter, −4 h in summer
    expect(parseTimeZone("America/New_York", Date.UTC(2024, 0, 1) / 1000)).toBe(-18_000);
    expect(parseTimeZone("America/New_York", Date.UTC(2024, 6, 1) / 1000)).toBe(-14_400);
    expect(() => parseTimeZone("Mars/Olympus", 0)).toThrow(/time zone/);
  });
});
