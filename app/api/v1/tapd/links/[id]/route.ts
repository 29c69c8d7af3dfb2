// DELETE /api/v1/tapd/links/:id — remove a link between a feature branch and a story or bug
import { route } from "@/lib/http/route";
import { removeLink } from "@/lib/tapd/link-features";

export const DELETE = route<{ id: string }>("deploy", async ({ params, principal }) => {
  await removeLink(principal, params.id);
});
