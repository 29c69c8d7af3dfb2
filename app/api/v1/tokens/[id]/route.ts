// DELETE /api/v1/tokens/:id — revoke a token (one's own; admins: anyone's)
import { route } from "@/lib/http/route";
import { revokeToken } from "@/lib/tokens/revoke-token";

export const DELETE = route<{ id: string }>("read", async ({ params, principal }) => {
  await revokeToken(principal, params.id);
});
