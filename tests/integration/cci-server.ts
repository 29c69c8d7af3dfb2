import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST as buildsPost } from "@/app/api/v1/builds/route";
import { POST as deployPost } from "@/app/api/v1/cci/deploy/route";
import { GET as scriptGet } from "@/app/api/v1/cci/script/route";

// tao's CI endpoints on a loopback port, served by the real route handlers, so the CI script's
// shell functions can be run with curl against them.

type Handler = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;
const ROUTES: Record<string, Handler> = {
  "GET /api/v1/cci/script": scriptGet,
  "POST /api/v1/builds": buildsPost,
  "POST /api/v1/cci/deploy": deployPost,
};

export async function startCciServer() {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const handler = ROUTES[`${req.method} ${url.pathname}`];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    try {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === "string" && !["host", "connection", "content-length"].includes(k)) headers.set(k, v);
      }
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const answer = await handler(new Request(url, { method: req.method, headers, body }), {
        params: Promise.resolve({}),
      });
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch (err) {
      res.writeHead(599, { "content-type": "text/plain" }).end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
