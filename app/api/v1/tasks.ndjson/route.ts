// GET /api/v1/tasks.ndjson — deployments (tasks) as NDJSON (?workspace_id=&fields=&modified_since=), streamed
import { TASKS } from "@/lib/export/datasets";
import { parseExportQuery } from "@/lib/export/export-query";
import { ndjsonExport } from "@/lib/export/ndjson-export";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("read", async ({ req }) => ndjsonExport(TASKS, parseExportQuery(req.url, TASKS)));
