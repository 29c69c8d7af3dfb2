// POST /api/v1/gitlab/events/:id/reprocess — handle a stored event again (after a failure, or to reapply it)
import { z } from "zod";
import { reprocessEvent } from "@/lib/gitlab/reprocess-event";
import { route } from "@/lib/http/route";

export const POST = route<{ id: string }>("configure", async ({ params, principal }) =>
  Response.json(await reprocessEvent(principal, z.coerce.number().int().positive().parse(params.id)), {
    status: 202,
  }),
);
