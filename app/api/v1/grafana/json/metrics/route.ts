// POST /api/v1/grafana/json/metrics — metric list with payload fields for the query builder
import { listMetrics } from "@/lib/grafana/json/metrics";
import { readGrafanaJson } from "@/lib/grafana/json/read-body";
import { ZMetricsRequest } from "@/lib/grafana/json/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route("read", async ({ req }) =>
  listMetrics((await readGrafanaJson(req, ZMetricsRequest)).metric),
);
