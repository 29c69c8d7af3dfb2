// POST /api/v1/grafana/json/metric-payload-options — choices for one payload field of a metric
import { payloadOptions } from "@/lib/grafana/json/payload-options";
import { readGrafanaJson } from "@/lib/grafana/json/read-body";
import { ZPayloadOptionsRequest } from "@/lib/grafana/json/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route("read", async ({ req }) => {
  const body = await readGrafanaJson(req, ZPayloadOptionsRequest);
  return payloadOptions(body.metric, body.payload, body.name);
});
