// POST /api/auth/logout — end the session and clear its cookie
import { readCookie } from "@/lib/auth/authenticate";
import { destroySession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { ForbiddenError } from "@/lib/errors";
import { clearedCookie } from "@/lib/http/cookies";
import { isSameOriginWrite } from "@/lib/http/csrf";
import { publicRoute } from "@/lib/http/route";

export const POST = publicRoute(async ({ req }) => {
  if (!isSameOriginWrite(req)) throw new ForbiddenError("Cross-site request refused");
  const token = readCookie(req.headers.get("cookie"), SESSION_COOKIE);
  if (token) await destroySession(token);
  return Response.json({ ok: true }, { headers: { "Set-Cookie": clearedCookie(req, SESSION_COOKIE) } });
});
