// POST /api/v1/hosts/:id/forget-key — drop the pinned host key; the next connection learns it again (admin)
import { forgetHostKey } from "@/lib/environments/hosts";
import { route } from "@/lib/http/route";

export const POST = route<{ id: string }>("configure", async ({ params, principal }) => {
  await forgetHostKey(principal, params.id);
  return { ok: true };
});
