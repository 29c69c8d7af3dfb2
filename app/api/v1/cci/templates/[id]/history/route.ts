// GET /api/v1/cci/templates/:id/history — every change of a template: version, author, time, diff
import { listRevisions } from "@/lib/cci/templates";
import { route } from "@/lib/http/route";

export const GET = route<{ id: string }>("read", async ({ params }) => ({
  items: await listRevisions(params.id),
}));
