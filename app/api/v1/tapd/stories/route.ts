// GET /api/v1/tapd/stories — TAPD stories as NDJSON (?workspace_id=&fields=&modified_since=), streamed
import { TAPD_STORIES } from "@/lib/export/datasets";
import { parseExportQuery } from "@/lib/export/export-query";
import { ndjsonExport } from "@/lib/export/ndjson-export";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("read", async ({ req }) =>
  ndjsonExport(TAPD_STORIES, parseExportQuery(req.url, TAPD_STORIES)),
);
