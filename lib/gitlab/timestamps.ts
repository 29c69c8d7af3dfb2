// GitLab sends times in three shapes: ISO with offset (2011-12-12T14:27:31+02:00), ISO in UTC
// (2013-12-03T17:23:34Z) and "2016-08-12 15:23:28 UTC". All three become a Date; anything else null.

const SPACED_UTC = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) UTC$/;
const SPACED_OFFSET = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) ([+-]\d{2}):?(\d{2})$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseGitlabTime(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const s = value.trim();
  const utc = SPACED_UTC.exec(s);
  const offset = SPACED_OFFSET.exec(s);
  let iso: string | undefined;
  if (utc) iso = `${utc[1]}T${utc[2]}Z`;
  else if (offset) iso = `${offset[1]}T${offset[2]}${offset[3]}:${offset[4]}`;
  else if (ISO.test(s)) iso = s;
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}
