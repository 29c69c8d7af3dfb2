// POST /api/v1/grafana/json/tag-values — values of one ad hoc filter key
import { readGrafanaJson } from "@/lib/grafana/json/read-body";
import { ZTagValuesRequest } from "@/lib/grafana/json/schemas";
import { tagValues } from "@/lib/grafana/json/tags";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route("read", async ({ req }) =>
  tagValues((await readGrafanaJson(req, ZTagValuesRequest)).key),
);
