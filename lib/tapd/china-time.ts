// TAPD writes datetimes as "YYYY-MM-DD HH:MM:SS" in China time (UTC+8, no daylight saving) with no
// zone marker; tao stores instants. Calendar dates ("YYYY-MM-DD": begin, due, startdate) stay dates.

const CHINA_OFFSET_MS = 8 * 3600_000;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** "2020-02-13 14:04:29" (China time) → the instant 2020-02-13T06:04:29Z; empty or zero dates → null. */
export function chinaTimeToInstant(value: string | null | undefined): Date | null {
  const m = value ? DATETIME_RE.exec(value.trim()) : null;
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = m;
  if (y === "0000") return null;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return Number.isNaN(utc) ? null : new Date(utc - CHINA_OFFSET_MS);
}

/** The instant as TAPD expects it in filters: "YYYY-MM-DD HH:MM:SS" in China time. */
export function instantToChinaTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** A calendar date as TAPD sent it, or null for "", null and "0000-00-00". */
export function calendarDate(value: string | null | undefined): string | null {
  const v = value?.trim().slice(0, 10);
  return v && DATE_RE.test(v) && !v.startsWith("0000") ? v : null;
}
