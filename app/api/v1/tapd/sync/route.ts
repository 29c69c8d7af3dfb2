// POST /api/v1/tapd/sync — "sync now" ({full?: boolean}); 202 when queued, 200 when one already waits
import { z } from "zod";
import { readJson, route } from "@/lib/http/route";
import { requestTapdSync } from "@/lib/tapd/schedule";

const ZSyncRequest = z.object({ full: z.boolean().default(false) });

export const POST = route("configure", async ({ req, principal }) => {
  const { full } = req.headers.get("content-type") ? await readJson(req, ZSyncRequest) : { full: false };
  const result = await requestTapdSync({ full, requestedBy: principal.username });
  return Response.json(result, { status: result.queued ? 202 : 200 });
});
