// GET /api/v1/grafana/metrics/find?query= — falcon-plus tree navigation and variable queries
import { findMetrics } from "@/lib/grafana/falcon/find";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("read", async ({ req }) =>
  findMetrics(new URL(req.url).searchParams.get("query") ?? ""),
);
