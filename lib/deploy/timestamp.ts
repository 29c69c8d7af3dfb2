import { performance } from "node:perf_hooks";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * Now as ISO 8601 in the process's local zone, with microseconds and the offset:
 * 2019-09-12T09:47:22.641217+08:00 (the original's log had the same precision).
 */
export function isoTimestamp(epochMs: number = performance.timeOrigin + performance.now()): string {
  const ms = Math.floor(epochMs);
  const micros = Math.floor((epochMs - ms) * 1000);
  const d = new Date(ms);
  const offsetMin = -d.getTimezoneOffset();
  const sign = offsetMin >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMin);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `.${pad(d.getMilliseconds(), 3)}${pad(micros, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
