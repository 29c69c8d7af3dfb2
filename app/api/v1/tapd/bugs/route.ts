// GET /api/v1/tapd/bugs — TAPD bugs as NDJSON (?workspace_id=&fields=id,status&modified_since=), streamed
import { TAPD_BUGS } from "@/lib/export/datasets";
import { parseExportQuery } from "@/lib/export/export-query";
import { ndjsonExport } from "@/lib/export/ndjson-export";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("read", async ({ req }) =>
  ndjsonExport(TAPD_BUGS, parseExportQuery(req.url, TAPD_BUGS)),
);
