import { z } from "zod";
import { AppError } from "@/lib/errors";

// A small client for GitLab's REST API (v4): PRIVATE-TOKEN auth, JSON, and pagination that follows
// the Link header's rel="next" (offset and keyset pagination) or X-Next-Page, whichever is given.

const TIMEOUT_MS = 15_000;
const MAX_PAGES = 1_000;

export class GitlabApiError extends AppError {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(502, "gitlab_api", message);
  }
}

export const ZBranch = z.looseObject({
  name: z.string(),
  commit: z.looseObject({ id: z.string(), committed_date: z.string().nullable().optional() }),
});
export const ZTag = z.looseObject({
  name: z.string(),
  target: z.string().optional(),
  commit: z.looseObject({ id: z.string() }).nullable().optional(),
});
export const ZPipeline = z.looseObject({
  id: z.number(),
  sha: z.string(),
  ref: z.string(),
  status: z.string(),
});

/** The URL of the rel="next" link, if any. */
export function nextLink(header: string | null): string | undefined {
  for (const part of (header ?? "").split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}

export class GitlabApi {
  private readonly apiBase: string;

  constructor(
    baseUrl: string,
    private readonly token: string,
  ) {
    this.apiBase = `${baseUrl.replace(/\/+$/, "")}/api/v4`;
  }

  private async request(url: string): Promise<Response> {
    // Only ever send the token to the configured GitLab, whatever a Link header says.
    if (!url.startsWith(`${this.apiBase}/`))
      throw new GitlabApiError(0, `GitLab sent a link outside ${this.apiBase}`);
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { "PRIVATE-TOKEN": this.token, accept: "application/json" },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new GitlabApiError(0, `GitLab at ${this.apiBase} did not answer: ${(err as Error).message}`);
    }
    if (res.ok) return res;
    const path = new URL(url).pathname;
    if (res.status === 401 || res.status === 403)
      throw new GitlabApiError(res.status, `GitLab refused the access token (${res.status}) for ${path}`);
    throw new GitlabApiError(res.status, `GitLab answered ${res.status} for ${path}`);
  }

  private url(path: string, query: Record<string, string | number> = {}): string {
    const u = new URL(`${this.apiBase}${path}`);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, String(v));
    return u.toString();
  }

  /** Every item of a paginated list. */
  async all<S extends z.ZodType>(path: string, schema: S, query: Record<string, string | number> = {}) {
    const items: z.infer<S>[] = [];
    let url: string | undefined = this.url(path, { per_page: 100, ...query });
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const res = await this.request(url);
      items.push(...z.array(schema).parse(await res.json()));
      const next = nextLink(res.headers.get("link"));
      const nextPage = res.headers.get("x-next-page");
      if (next) url = next;
      else if (nextPage) {
        const u: URL = new URL(url);
        u.searchParams.set("page", nextPage);
        url = u.toString();
      } else url = undefined;
    }
    return items;
  }

  /** The first page of a list (e.g. the newest pipeline). */
  async first<S extends z.ZodType>(path: string, schema: S, query: Record<string, string | number> = {}) {
    const res = await this.request(this.url(path, query));
    return z.array(schema).parse(await res.json());
  }

  static projectPath(path: string): string {
    return `/projects/${encodeURIComponent(path)}`;
  }
}
