// POST /api/v1/grafana/json/search — SimpleJSON: metric ids, or a variable query's values
import { readGrafanaJson } from "@/lib/grafana/json/read-body";
import { ZSearchRequest } from "@/lib/grafana/json/schemas";
import { search } from "@/lib/grafana/json/search";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route("read", async ({ req }) =>
  search((await readGrafanaJson(req, ZSearchRequest)).target),
);
