import { describe, expect, it } from "vitest";
import { HOUR, type Range, splitRanges } from "./cfd-pieces";

const DAY = 24 * HOUR;
const h = (n: number) => n * HOUR;

/** Every second of [from, to) covered exactly once by the pieces of bucket k (checked on a grid). */
function coverage(ranges: Range[], step: number) {
  const { hours, raw } = splitRanges(ranges);
  const seconds = new Map<number, number>();
  const add = (k: number, s: number) => seconds.set(s, (seconds.get(s) ?? 0) + k * 1000 + 1);
  for (const [k, a, b] of hours) for (let s = a * HOUR; s < b * HOUR; s += step) add(k, s);
  for (const [k, a, b] of raw) {
    expect(b - a).toBeLessThan(2 * HOUR);
    for (let s = Math.ceil(a / step) * step; s < b; s += step) add(k, s);
  }
  return seconds;
}

describe("splitRanges", () => {
  it("reads whole-hour ranges from the hourly counts only", () => {
    expect(
      splitRanges([
        [1, DAY, 2 * DAY],
        [2, 2 * DAY, Number.POSITIVE_INFINITY],
      ]),
    ).toEqual({
      hours: [
        [1, 24, 48],
        [2, 48, Number.POSITIVE_INFINITY],
      ],
      raw: [],
    });
  });

  it("reads the partial hours at both ends raw (a +05:45 day)", () => {
    const from = DAY - h(5) - 45 * 60;
    expect(splitRanges([[3, from, from + DAY]])).toEqual({
      hours: [[3, 19, 42]],
      raw: [
        [3, from, h(19)],
        [3, h(42), from + DAY],
      ],
    });
  });

  it("reads a range that holds no whole hour raw, and skips empty ranges", () => {
    expect(
      splitRanges([
        [1, h(5) + 60, h(5) + 120],
        [2, h(6), h(6)],
      ]),
    ).toEqual({
      hours: [],
      raw: [[1, h(5) + 60, h(5) + 120]],
    });
    // a minute-step range that ends on the hour, and one that spans exactly one hour
    expect(
      splitRanges([
        [1, h(5) + 3540, h(6)],
        [2, h(6), h(7)],
      ]),
    ).toEqual({
      hours: [[2, 6, 7]],
      raw: [[1, h(5) + 3540, h(6)]],
    });
  });

  it("covers every second of the ranges once, for odd offsets and steps", () => {
    for (const [offset, step] of [
      [0, DAY],
      [90, 7 * 60],
      [h(5) + 1800, 2 * HOUR],
      [1, 5400],
    ] as const) {
      const ranges: Range[] = Array.from({ length: 12 }, (_, i) => [
        i + 1,
        offset + i * step,
        offset + (i + 1) * step,
      ]);
      const seconds = coverage(ranges, 30);
      const expected = new Map<number, number>();
      for (const [k, a, b] of ranges)
        for (let s = Math.ceil(a / 30) * 30; s < b; s += 30) expected.set(s, k * 1000 + 1);
      expect(seconds).toEqual(expected);
    }
  });
});
