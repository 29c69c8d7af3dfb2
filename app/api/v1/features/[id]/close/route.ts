// POST /api/v1/features/:id/close — close a feature branch (deployers and admins; audited)
import { closeFeatureBranch } from "@/lib/catalog/feature-branches";
import { route } from "@/lib/http/route";

export const POST = route<{ id: string }>("deploy", async ({ params, principal }) => {
  const row = await closeFeatureBranch(principal, params.id);
  return { id: row.id, status: row.status, closedAt: row.closedAt };
});
