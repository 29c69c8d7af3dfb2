import { env } from "@/lib/config/env";

/** Serialises a Set-Cookie header value for tao's httpOnly cookies. */
export function sessionCookie(req: Request, name: string, value: string, expires: Date): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expires.toUTCString()}`,
  ];
  if (isSecure(req)) parts.push("Secure");
  return parts.join("; ");
}

export function clearedCookie(req: Request, name: string): string {
  return sessionCookie(req, name, "", new Date(0));
}

function isSecure(req: Request): boolean {
  const setting = env().TAO_COOKIE_SECURE;
  if (setting !== "auto") return setting === "true";
  const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  return proto === "https";
}

/**
 * The client's address, when a proxy in front of tao that sets X-Forwarded-For is trusted
 * (TAO_TRUST_PROXY=true). Otherwise any client could write that header, so it is not known (null).
 */
export function clientIp(req: Request): string | null {
  if (!env().TAO_TRUST_PROXY) return null;
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || null;
}
