// POST /api/v1/grafana/json/annotations — SimpleJSON: deployments as annotations
import { annotations } from "@/lib/grafana/json/annotations";
import { readGrafanaJson } from "@/lib/grafana/json/read-body";
import { ZAnnotationsRequest } from "@/lib/grafana/json/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route("read", async ({ req }) => {
  const body = await readGrafanaJson(req, ZAnnotationsRequest);
  return annotations(body.range, body.annotation);
});
