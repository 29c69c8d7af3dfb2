import { resolveApiToken } from "./api-tokens";
import type { Principal } from "./permissions";
import { resolveSession, SESSION_COOKIE } from "./sessions";

export type Authentication = { principal: Principal; via: "session" | "token" };

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * Who sent this request: an API token (`Authorization: Bearer tao_…`, or Basic auth with the token
 * as password, which is what Grafana sends), else the session cookie.
 */
export async function authenticate(headers: Headers): Promise<Authentication | null> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const token = tokenFromAuthorization(authorization);
    const principal = token ? await resolveApiToken(token) : null;
    return principal ? { principal, via: "token" } : null;
  }
  const cookie = readCookie(headers.get("cookie"), SESSION_COOKIE);
  if (!cookie) return null;
  const principal = await resolveSession(cookie);
  return principal ? { principal, via: "session" } : null;
}

function tokenFromAuthorization(value: string): string | undefined {
  const [scheme, credentials] = value.trim().split(/\s+/, 2);
  if (!credentials) return undefined;
  if (scheme?.toLowerCase() === "bearer") return credentials;
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(credentials, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) : undefined;
  }
  return undefined;
}
