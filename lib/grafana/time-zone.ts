import { BadRequestError } from "@/lib/errors";

// Where a day begins for daily buckets: a fixed offset ("+08:00", "-05:30", "Z", "UTC") or an IANA
// zone ("Asia/Shanghai", read at the start of the range: a DST change inside it shifts days by an hour).

const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** Seconds east of UTC; undefined input means UTC. */
export function parseTimeZone(value: string | undefined, at: number): number {
  if (!value) return 0;
  const v = value.trim();
  if (v === "" || /^(z|utc|gmt)$/i.test(v)) return 0;
  const m = OFFSET.exec(v);
  if (m) {
    const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60;
    if (Number(m[2]) > 14 || Number(m[3]) > 59) throw new BadRequestError(`tz: "${v}" is not a UTC offset`);
    return m[1] === "-" ? -seconds : seconds;
  }
  return zoneOffset(v, at);
}

function zoneOffset(zone: string, at: number): number {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(new Date(at * 1000))
      .find((p) => p.type === "timeZoneName")?.value;
  } catch {
    throw new BadRequestError(`tz: "${zone}" is neither a UTC offset like +08:00 nor a time zone name`);
  }
  const m = name ? /GMT([+-]\d{2}:\d{2})?/.exec(name) : null;
  if (!m) throw new BadRequestError(`tz: cannot read the offset of "${zone}"`);
  return m[1] ? parseTimeZone(m[1], at) : 0;
}
