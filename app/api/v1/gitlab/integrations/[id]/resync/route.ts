// POST /api/v1/gitlab/integrations/:id/resync — queue a resync of branches and tags through GitLab's REST API
import { requestResync } from "@/lib/gitlab/resync";
import { route } from "@/lib/http/route";

export const POST = route<{ id: string }>("configure", async ({ params, principal }) =>
  Response.json(await requestResync(principal, params.id), { status: 202 }),
);
