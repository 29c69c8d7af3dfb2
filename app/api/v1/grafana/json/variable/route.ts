// POST /api/v1/grafana/json/variable — template variable values [{__text, __value}]
import { readGrafanaJson } from "@/lib/grafana/json/read-body";
import { ZVariableRequest } from "@/lib/grafana/json/schemas";
import { variableValues } from "@/lib/grafana/json/variable";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route("read", async ({ req }) =>
  variableValues((await readGrafanaJson(req, ZVariableRequest)).payload),
);
