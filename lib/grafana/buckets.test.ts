import { describe, expect, it } from "vitest";
import { bucketOf, bucketStart, DAY, emptyValues, MAX_BUCKETS, makeBuckets } from "./buckets";

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) / 1000;

describe("makeBuckets", () => {
  it("lays daily buckets at midnight of the offset, covering the whole range", () => {
    const b = makeBuckets({ from: utc(2024, 1, 1, 5), until: utc(2024, 1, 4, 1), step: DAY, now: 2e9 });
    expect(b).toMatchObject({ step: DAY, first: utc(2024, 1, 1), count: 4 });
    const shanghai = makeBuckets({
      from: utc(2024, 1, 1),
      until: utc(2024, 1, 3),
      step: DAY,
      offset: 8 * 3600,
    });
    // +08:00 midnight of Jan 1 is Dec 31 16:00 UTC
    expect(shanghai.first).toBe(utc(2023, 12, 31, 16));
    expect(shanghai.count).toBe(3);
  });

  it("starts weeks on Monday", () => {
    const b = makeBuckets({ from: utc(2024, 1, 10), until: utc(2024, 1, 20), step: 7 * DAY });
    expect(new Date(b.first * 1000).getUTCDay()).toBe(1);
    expect(b.first).toBe(utc(2024, 1, 8));
  });

  it("derives a round step from maxDataPoints, and widens a step that would exceed it", () => {
    expect(makeBuckets({ from: 0, until: 30 * DAY, maxDataPoints: 100 }).step).toBe(43_200);
    expect(makeBuckets({ from: 0, until: 30 * DAY, step: 60, maxDataPoints: 100 }).step).toBe(43_200);
    expect(makeBuckets({ from: 0, until: 3600, step: 60 }).step).toBe(60);
    expect(makeBuckets({ from: 0, until: 100 * 365 * DAY, step: 1 }).count).toBeLessThanOrEqual(MAX_BUCKETS);
  });

  it("refuses an empty range", () => {
    expect(() => makeBuckets({ from: 10, until: 10 })).toThrow(/empty/);
  });

  it("places instants in buckets and marks the future as null", () => {
    const b = makeBuckets({
      from: utc(2024, 1, 1),
      until: utc(2024, 1, 5),
      step: DAY,
      now: utc(2024, 1, 2, 12),
    });
    expect(bucketOf(b, utc(2024, 1, 2))).toBe(1);
    expect(bucketOf(b, utc(2024, 1, 2) - 1)).toBe(0);
    expect(bucketStart(b, 3)).toBe(utc(2024, 1, 4));
    expect(emptyValues(b, 0)).toEqual([0, 0, null, null]);
  });
});
