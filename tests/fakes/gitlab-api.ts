import http from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for GitLab's REST API (v4), speaking its wire format: PRIVATE-TOKEN auth,
// projects addressed by id or URL-encoded path, offset pagination with X-Page / X-Next-Page /
// X-Total / Link headers — or, per project, keyset-style paging with only a Link header — and
// GitLab's error bodies ({"message":"404 Project Not Found"}).

export type FakeBranch = { name: string; sha: string; committedDate?: string };
export type FakeTag = { name: string; sha: string };
export type FakePipeline = { id: number; ref: string; sha: string; status: string };
export type FakeProject = {
  id: number;
  path: string;
  branches: FakeBranch[];
  tags: FakeTag[];
  pipelines: FakePipeline[];
  /** "offset" (default): X-Next-Page and Link; "link": only a Link header, as keyset pagination sends. */
  paging?: "offset" | "link";
};

export type FakeGitlab = {
  url: string;
  token: string;
  projects: Map<string, FakeProject>;
  requests: { path: string; query: string; token: string | undefined }[];
  addProject: (
    p: Omit<FakeProject, "id" | "branches" | "tags" | "pipelines"> & Partial<FakeProject>,
  ) => FakeProject;
  close: () => Promise<void>;
};

const send = (
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

function page<T>(req: URL, items: T[], project: FakeProject, base: string) {
  const perPage = Math.min(100, Math.max(1, Number(req.searchParams.get("per_page") ?? 20)));
  const pageNo = Math.max(1, Number(req.searchParams.get("page") ?? 1));
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
  const link = (n: number) => {
    const u = new URL(req.pathname + req.search, base);
    u.searchParams.set("page", String(n));
    u.searchParams.set("per_page", String(perPage));
    return u.toString();
  };
  const links = [
    ...(pageNo < totalPages ? [`<${link(pageNo + 1)}>; rel="next"`] : []),
    `<${link(1)}>; rel="first"`,
    `<${link(totalPages)}>; rel="last"`,
  ];
  const headers: Record<string, string> =
    project.paging === "link"
      ? { link: links.filter((l) => l.endsWith('rel="next"')).join(", ") }
      : {
          link: links.join(", "),
          "x-page": String(pageNo),
          "x-per-page": String(perPage),
          "x-next-page": pageNo < totalPages ? String(pageNo + 1) : "",
          "x-prev-page": pageNo > 1 ? String(pageNo - 1) : "",
          "x-total": String(items.length),
          "x-total-pages": String(totalPages),
        };
  if (!headers.link) delete headers.link;
  return { slice, headers };
}

export async function startFakeGitlab(token = "glpat-fake-token-0123456789"): Promise<FakeGitlab> {
  const projects = new Map<string, FakeProject>();
  const requests: FakeGitlab["requests"] = [];
  let nextId = 100;
  let base = "";

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", base);
    const given = req.headers["private-token"];
    requests.push({
      path: url.pathname,
      query: url.search,
      token: typeof given === "string" ? given : undefined,
    });
    if (given !== token) return send(res, 401, { message: "401 Unauthorized" });
    // /api/v4/projects/:id/<rest…> — the raw path keeps %2F, so split before decoding
    const m = /^\/api\/v4\/projects\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (!m || req.method !== "GET") return send(res, 404, { error: "404 Not Found" });
    const key = decodeURIComponent(m[1]!);
    const project = [...projects.values()].find((p) => p.path === key || String(p.id) === key);
    if (!project) return send(res, 404, { message: "404 Project Not Found" });
    const rest = m[2];
    if (rest === "repository/branches") {
      const items = project.branches.map((b) => ({
        name: b.name,
        merged: false,
        protected: false,
        default: b.name === "main",
        web_url: `${base}/${project.path}/-/tree/${b.name}`,
        commit: {
          id: b.sha,
          short_id: b.sha.slice(0, 8),
          title: "commit",
          committed_date: b.committedDate ?? "2024-05-01T10:00:00.000+02:00",
        },
      }));
      const { slice, headers } = page(url, items, project, base);
      return send(res, 200, slice, headers);
    }
    if (rest === "repository/tags") {
      const items = project.tags.map((t) => ({
        name: t.name,
        message: "",
        target: t.sha,
        protected: false,
        commit: { id: t.sha, short_id: t.sha.slice(0, 8), title: "release" },
        release: null,
      }));
      const { slice, headers } = page(url, items, project, base);
      return send(res, 200, slice, headers);
    }
    if (rest === "pipelines") {
      const ref = url.searchParams.get("ref");
      const status = url.searchParams.get("status");
      const items = project.pipelines
        .filter((p) => (!ref || p.ref === ref) && (!status || p.status === status))
        .sort((a, b) => b.id - a.id)
        .map((p) => ({
          id: p.id,
          iid: p.id,
          project_id: project.id,
          sha: p.sha,
          ref: p.ref,
          status: p.status,
          source: "push",
        }));
      const { slice, headers } = page(url, items, project, base);
      return send(res, 200, slice, headers);
    }
    return send(res, 404, { error: "404 Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    token,
    projects,
    requests,
    addProject: (p) => {
      const project: FakeProject = { id: nextId++, branches: [], tags: [], pipelines: [], ...p };
      projects.set(project.path, project);
      return project;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
