// POST /api/v1/grafana/json/query — metric values as data frames, legacy time series or tables
import { jsonQuery } from "@/lib/grafana/json/query";
import { readGrafanaJson } from "@/lib/grafana/json/read-body";
import { ZQueryRequest } from "@/lib/grafana/json/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route("read", async ({ req }) => jsonQuery(await readGrafanaJson(req, ZQueryRequest)));
