// GET /api/v1/cci/script?namespace=&project=&branch= — the CI script (text/x-shellscript) for that job
import { authenticate } from "@/lib/auth/authenticate";
import { can } from "@/lib/auth/permissions";
import { publicOrigin } from "@/lib/cci/public-origin";
import { scriptFor } from "@/lib/cci/script-for";
import { ZScriptQuery } from "@/lib/cci/template-input";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { publicRoute, readQuery } from "@/lib/http/route";

// Any token that may read or report builds may fetch it: CI jobs usually hold a report-build token.
export const GET = publicRoute(async ({ req }) => {
  const auth = await authenticate(req.headers);
  if (!auth) throw new UnauthorizedError("Send a tao API token: Authorization: Bearer tao_…");
  if (!can(auth.principal, "read") && !can(auth.principal, "report-build")) throw new ForbiddenError();
  const { script, templateName } = await scriptFor(readQuery(req, ZScriptQuery), publicOrigin(req));
  return new Response(script, {
    headers: {
      "content-type": "text/x-shellscript; charset=utf-8",
      "cache-control": "no-store",
      "x-tao-template": encodeURIComponent(templateName),
    },
  });
});
