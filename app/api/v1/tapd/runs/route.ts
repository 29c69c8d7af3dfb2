// GET /api/v1/tapd/runs — the latest sync runs (start, end, counts, error), newest first
import { z } from "zod";
import { readQuery, route } from "@/lib/http/route";
import { listTapdRuns } from "@/lib/tapd/runs";

const ZRunsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });

export const GET = route("read", async ({ req }) => ({
  items: await listTapdRuns(readQuery(req, ZRunsQuery).limit),
}));
