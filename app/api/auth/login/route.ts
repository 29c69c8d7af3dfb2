// POST /api/auth/login — check a username and password, set the session cookie
import { login, ZLoginRequest } from "@/lib/auth/login";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { ForbiddenError } from "@/lib/errors";
import { clientIp, sessionCookie } from "@/lib/http/cookies";
import { isSameOriginWrite } from "@/lib/http/csrf";
import { publicRoute, readJson } from "@/lib/http/route";

export const POST = publicRoute(async ({ req }) => {
  if (!isSameOriginWrite(req)) throw new ForbiddenError("Cross-site request refused");
  const input = await readJson(req, ZLoginRequest);
  const session = await login(input, { ip: clientIp(req), userAgent: req.headers.get("user-agent") ?? "" });
  return Response.json(
    { ok: true },
    { headers: { "Set-Cookie": sessionCookie(req, SESSION_COOKIE, session.token, session.expiresAt) } },
  );
});
