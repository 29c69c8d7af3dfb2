import { env } from "@/lib/config/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated writes must come from tao's own pages. Browsers send Origin on every
 * cross-origin and same-origin POST; Sec-Fetch-Site backs it up. API tokens are not sent by browsers
 * automatically, so token requests need no check.
 */
export function isSameOriginWrite(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = req.headers.get("origin");
  if (!origin) return site === "same-origin";
  const host = (env().TAO_TRUST_PROXY && req.headers.get("x-forwarded-host")) || req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
