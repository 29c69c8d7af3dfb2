import { POST as jsonAnnotations } from "@/app/api/v1/grafana/json/annotations/route";
import { POST as jsonPayloadOptions } from "@/app/api/v1/grafana/json/metric-payload-options/route";
import { POST as jsonMetrics } from "@/app/api/v1/grafana/json/metrics/route";
import { POST as jsonQuery } from "@/app/api/v1/grafana/json/query/route";
import { GET as jsonTest } from "@/app/api/v1/grafana/json/route";
import { POST as jsonSearch } from "@/app/api/v1/grafana/json/search/route";
import { POST as jsonTagKeys } from "@/app/api/v1/grafana/json/tag-keys/route";
import { POST as jsonTagValues } from "@/app/api/v1/grafana/json/tag-values/route";
import { POST as jsonVariable } from "@/app/api/v1/grafana/json/variable/route";
import { GET as falconFind } from "@/app/api/v1/grafana/metrics/find/route";
import { GET as falconRenderGet, POST as falconRenderPost } from "@/app/api/v1/grafana/render/route";
import { makeTapdUser } from "./tapd-helpers";

// Grafana's calls through the real route handlers, the way the two plugins send them: the falcon
// plugin's GET query strings and form bodies, the JSON data source's JSON bodies. Auth is a read-only
// API token unless a test passes other headers.

type Handler = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;

const HANDLERS: Record<string, { GET?: Handler; POST?: Handler }> = {
  "/api/v1/grafana/metrics/find": { GET: falconFind },
  "/api/v1/grafana/render": { GET: falconRenderGet, POST: falconRenderPost },
  "/api/v1/grafana/json": { GET: jsonTest },
  "/api/v1/grafana/json/metrics": { POST: jsonMetrics },
  "/api/v1/grafana/json/metric-payload-options": { POST: jsonPayloadOptions },
  "/api/v1/grafana/json/query": { POST: jsonQuery },
  "/api/v1/grafana/json/variable": { POST: jsonVariable },
  "/api/v1/grafana/json/tag-keys": { POST: jsonTagKeys },
  "/api/v1/grafana/json/tag-values": { POST: jsonTagValues },
  "/api/v1/grafana/json/search": { POST: jsonSearch },
  "/api/v1/grafana/json/annotations": { POST: jsonAnnotations },
};

let readToken: string | undefined;

/** A viewer's API token with only the read scope (what Grafana is given). */
export async function grafanaToken(): Promise<string> {
  readToken ??= (await makeTapdUser("viewer", ["read"])).token;
  return readToken;
}

/**
 * Calls the handler for `path` (query string allowed; a trailing slash is dropped as Next.js routes
 * it). `body`: a string is sent as is (form bodies), anything else as JSON.
 */
export async function call(
  method: "GET" | "POST",
  path: string,
  opts: { body?: unknown; headers?: Record<string, string>; contentType?: string } = {},
): Promise<Response> {
  const url = new URL(`http://tao.test${path}`);
  const route = url.pathname.replace(/\/$/, "");
  const handler = HANDLERS[route]?.[method];
  if (!handler) throw new Error(`no handler for ${method} ${route}`);
  const headers: Record<string, string> = {
    authorization: `Bearer ${await grafanaToken()}`,
    ...opts.headers,
  };
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    headers["content-type"] =
      opts.contentType ??
      (typeof opts.body === "string" ? "application/x-www-form-urlencoded" : "application/json");
  }
  return handler(new Request(url, { method, headers, body }), { params: Promise.resolve({}) });
}

/** Calls and expects 200 with a JSON body. */
export async function callJson<T = unknown>(
  method: "GET" | "POST",
  path: string,
  opts: Parameters<typeof call>[2] = {},
): Promise<T> {
  const res = await call(method, path, opts);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export type Frame = {
  name: string;
  refId: string;
  fields: { name: string; type: string; values: unknown[]; labels?: Record<string, string> }[];
};
export type FalconRecord = {
  endpoint: string;
  counter: string;
  dstype: string;
  step: number;
  Values: { timestamp: number; value: number | null }[];
};

export const DAY = 86_400;
export const DAY_MS = DAY * 1000;
/** Unix seconds of a UTC calendar date plus hours. */
export const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min) / 1000;
export const at = (seconds: number) => new Date(seconds * 1000);

/** A JSON data source /query body like Grafana's (see tests/fixtures/protocols/grafana/simpod/query_request.json). */
export function queryBody(
  from: number,
  to: number,
  targets: { refId?: string; target: string; payload?: unknown }[],
  extra: Record<string, unknown> = {},
) {
  return {
    app: "dashboard",
    requestId: "SQR1",
    timezone: "utc",
    range: { from: new Date(from * 1000).toISOString(), to: new Date(to * 1000).toISOString() },
    rangeRaw: { from: "now-30d", to: "now" },
    interval: "1d",
    intervalMs: DAY_MS,
    maxDataPoints: 1220,
    targets: targets.map((t, i) => ({
      refId: t.refId ?? String.fromCharCode(65 + i),
      datasource: { type: "simpod-json-datasource", uid: "tao" },
      editorMode: "builder",
      ...t,
    })),
    scopedVars: {},
    startTime: Date.now(),
    ...extra,
  };
}

/** Data frames → { series name: values } (time checked separately). */
export function framesByName(frames: Frame[]): Map<string, (number | null)[]> {
  return new Map(frames.map((f) => [f.name, f.fields[1]!.values as (number | null)[]]));
}

/** A small deterministic PRNG (mulberry32), so generated histories are the same every run. */
export function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
