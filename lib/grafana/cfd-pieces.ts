// How the CFD reads the flows of a time range [from, to): the whole hours inside it from the hourly
// counts (TapdStoryFlow), the partial hours at its ends from the raw history. Buckets on whole hours
// (any step of an hour or more in a whole-hour time zone) read no raw history at all; a range that holds
// no whole hour is read raw.

export const HOUR = 3_600;

/** A range of bucket k: [from, to) in Unix seconds; `to` may be Infinity (the tail after the range). */
export type Range = [k: number, from: number, to: number];

export type Pieces = {
  /** [k, first hour, end hour) in Unix hours; the tail's end is Infinity. */
  hours: Range[];
  /** [k, from, to) in Unix seconds: what whole hours do not cover, each under two hours long. */
  raw: Range[];
};

export function splitRanges(ranges: readonly Range[]): Pieces {
  const hours: Range[] = [];
  const raw: Range[] = [];
  for (const [k, from, to] of ranges) {
    if (!(from < to)) continue;
    const firstHour = Math.ceil(from / HOUR);
    const endHour = to === Number.POSITIVE_INFINITY ? to : Math.floor(to / HOUR);
    if (endHour <= firstHour) {
      raw.push([k, from, to]);
      continue;
    }
    hours.push([k, firstHour, endHour]);
    if (from < firstHour * HOUR) raw.push([k, from, firstHour * HOUR]);
    if (endHour * HOUR < to) raw.push([k, endHour * HOUR, to]);
  }
  return { hours, raw };
}
