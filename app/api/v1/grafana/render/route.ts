// GET|POST /api/v1/grafana/render — falcon-plus series (form-encoded, repeated target, Unix seconds)
import { readRenderRequest, render } from "@/lib/grafana/falcon/render";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("read", async ({ req }) => render(readRenderRequest(new URL(req.url).searchParams)));

export const POST = route("read", async ({ req }) =>
  render(readRenderRequest(new URLSearchParams(await req.text()))),
);
