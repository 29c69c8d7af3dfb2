// GET /api/v1/gitlab/events/:id — one event with its raw payload
import { z } from "zod";
import { getEvent } from "@/lib/gitlab/list-events";
import { route } from "@/lib/http/route";

export const GET = route<{ id: string }>("configure", async ({ params }) =>
  getEvent(z.coerce.number().int().positive().parse(params.id)),
);
