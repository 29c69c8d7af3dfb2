import { BadRequestError } from "@/lib/errors";

// Time buckets in the viewer's range and step: aligned to the step (days at local midnight of the
// query's time zone, weeks on Monday), covering every bucket that overlaps [from, until). A metric
// reports one value per bucket, stamped with the bucket's start.

export const DAY = 86_400;
const WEEK = 7 * DAY;
/** 1970-01-05 was a Monday: weeks start there. */
const MONDAY = 4 * DAY;
/** Steps a derived step is rounded up to (seconds). */
const NICE_STEPS = [
  1,
  5,
  10,
  15,
  30,
  60,
  120,
  300,
  600,
  900,
  1800,
  3600,
  7200,
  10800,
  21600,
  43200,
  DAY,
  2 * DAY,
  WEEK,
];
/** Never more buckets than this, whatever the client asks. */
export const MAX_BUCKETS = 11_000;

export type Buckets = {
  /** Seconds. */
  step: number;
  /** Start of the first bucket (Unix seconds); bucket i covers [first + i·step, first + (i+1)·step). */
  first: number;
  count: number;
  /** Buckets that start after this instant lie in the future: their values are null. */
  now: number;
};

export type BucketRequest = {
  /** Unix seconds, inclusive. */
  from: number;
  /** Unix seconds, exclusive. */
  until: number;
  /** The step the client asked for (seconds), e.g. Grafana's interval; else derived from maxDataPoints. */
  step?: number;
  maxDataPoints?: number;
  /** Seconds east of UTC where days begin, e.g. 28 800 for +08:00. */
  offset?: number;
  now?: number;
};

function niceStep(seconds: number): number {
  for (const s of NICE_STEPS) if (s >= seconds) return s;
  return Math.ceil(seconds / WEEK) * WEEK;
}

export function makeBuckets(req: BucketRequest): Buckets {
  const { from, until } = req;
  if (!Number.isFinite(from) || !Number.isFinite(until) || until <= from)
    throw new BadRequestError("The time range is empty: `until` must be after `from`");
  const span = until - from;
  const points = Math.min(
    req.maxDataPoints && req.maxDataPoints > 0 ? req.maxDataPoints : MAX_BUCKETS,
    MAX_BUCKETS,
  );
  let step = req.step && req.step > 0 ? Math.max(1, Math.round(req.step)) : niceStep(span / points);
  // The client's step is kept unless it would make more buckets than it can show.
  if (span / step > points) step = niceStep(span / points);
  const offset = req.offset ?? 0;
  const origin = (step % WEEK === 0 ? MONDAY : 0) - offset;
  const first = origin + Math.floor((from - origin) / step) * step;
  const count = Math.floor((until - 1 - first) / step) + 1;
  return { step, first, count, now: req.now ?? Math.floor(Date.now() / 1000) };
}

/** Bucket of an instant (Unix seconds); < 0 before the range, ≥ count after it. */
export function bucketOf(b: Buckets, t: number): number {
  return Math.floor((t - b.first) / b.step);
}

export function bucketStart(b: Buckets, i: number): number {
  return b.first + i * b.step;
}

/** Where a snapshot metric looks at bucket i: its end, or now for the bucket in progress. */
export function sampleTime(b: Buckets, i: number): number {
  return Math.min(bucketStart(b, i + 1), b.now);
}

export function isFuture(b: Buckets, i: number): boolean {
  return bucketStart(b, i) > b.now;
}

/** One value per bucket: `fill` for the past and present, null for the future. */
export function emptyValues(b: Buckets, fill: number | null): (number | null)[] {
  return Array.from({ length: b.count }, (_, i) => (isFuture(b, i) ? null : fill));
}
