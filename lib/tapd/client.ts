import type { z } from "zod";
import {
  TapdApiError,
  TapdAuthError,
  TapdError,
  TapdHttpError,
  TapdMalformedError,
  TapdNetworkError,
} from "./errors";
import { createLimiter } from "./limiter";
import { ZEnvelope, ZWireCount } from "./wire";

// One TAPD API client: Basic auth, the {status, data, info} envelope, retries with backoff on 429,
// 5xx, network errors and broken bodies, and at most `concurrency` requests in flight.

export type TapdClientOptions = {
  baseUrl: string;
  apiUser: string;
  apiPassword: string;
  concurrency?: number;
  /** Tries per request, the first included. */
  attempts?: number;
  backoffMs?: number;
  maxBackoffMs?: number;
  timeoutMs?: number;
  /** page × limit beyond which TAPD stops answering (lib/tapd/paging.ts slices by time instead). */
  deepPagingLimit?: number;
};

export type TapdParams = Record<string, string | number | undefined>;

export class TapdClient {
  readonly deepPagingLimit: number;
  /** Requests sent, retries included (shown in the sync run's counts). */
  requests = 0;
  private readonly limit: ReturnType<typeof createLimiter>;
  private readonly authorization: string;
  private readonly base: string;

  constructor(private readonly opts: TapdClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, "");
    this.authorization = `Basic ${Buffer.from(`${opts.apiUser}:${opts.apiPassword}`).toString("base64")}`;
    this.limit = createLimiter(opts.concurrency ?? 3);
    this.deepPagingLimit = opts.deepPagingLimit ?? 20_000;
  }

  /** GET path?params → the envelope's data. */
  async get(path: string, params: TapdParams = {}): Promise<unknown> {
    const what = requestLabel(path, params);
    const attempts = this.opts.attempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.limit(() => this.once(path, params, what));
      } catch (err) {
        if (!(err instanceof TapdError) || !err.retryable || attempt >= attempts) throw err;
        await sleep(this.backoff(attempt, err.retryAfterMs));
      }
    }
  }

  /** One page of a list: data is [{"Bug": {…}}, …]; each row is validated with `schema`. */
  async list<S extends z.ZodType>(path: string, key: string, schema: S, params: TapdParams) {
    const data = await this.get(path, params);
    const what = requestLabel(path, params);
    if (!Array.isArray(data)) throw new TapdMalformedError(what, "data is not a list", false);
    return data.map((item, i) => {
      const row = (item as Record<string, unknown> | null)?.[key];
      const parsed = schema.safeParse(row);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid";
        throw new TapdMalformedError(what, `row ${i + 1} is not a ${key} (${where})`, false);
      }
      return parsed.data as z.infer<S>;
    });
  }

  /** GET {path}/count → data.count */
  async count(path: string, params: TapdParams): Promise<number> {
    const data = await this.get(`${path}/count`, params);
    const parsed = ZWireCount.safeParse(data);
    if (!parsed.success)
      throw new TapdMalformedError(requestLabel(`${path}/count`, params), "no count", false);
    return parsed.data.count;
  }

  private async once(path: string, params: TapdParams, what: string): Promise<unknown> {
    this.requests++;
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, String(v));
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.base}${path}?${query}`, {
        headers: { authorization: this.authorization, accept: "application/json" },
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000),
      });
      text = await res.text();
    } catch (err) {
      throw new TapdNetworkError(what, networkCause(err));
    }
    if (res.status === 401) throw new TapdAuthError(what, res.status);
    if (!res.ok) throw new TapdHttpError(what, res.status, retryAfterMs(res.headers.get("retry-after")));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new TapdMalformedError(what, `the body is not JSON (${text.length} bytes)`);
    }
    const envelope = ZEnvelope.safeParse(body);
    if (!envelope.success) throw new TapdMalformedError(what, "no {status, data, info} envelope");
    const { status, data, info } = envelope.data;
    if (status === 401) throw new TapdAuthError(what, 401);
    if (status !== 1) throw new TapdApiError(what, status, info ?? "");
    return data;
  }

  private backoff(attempt: number, retryAfter?: number): number {
    const max = this.opts.maxBackoffMs ?? 30_000;
    if (retryAfter !== undefined) return Math.min(retryAfter, max);
    const base = (this.opts.backoffMs ?? 1000) * 2 ** (attempt - 1);
    return Math.min(max, base * (0.5 + Math.random() / 2));
  }
}

function requestLabel(path: string, params: TapdParams): string {
  return params.page ? `GET ${path} page ${params.page}` : `GET ${path}`;
}

function retryAfterMs(header: string | null): number | undefined {
  const seconds = header ? Number(header) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function networkCause(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError") return "no answer in time";
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? "network error";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
