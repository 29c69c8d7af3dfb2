/**
 * tao's address as the caller sees it (behind a reverse proxy too): X-Forwarded-Proto/-Host, else
 * the Host header. Used as TAO_URL's default in the CI script, where it is shell-quoted.
 */
export function publicOrigin(req: Request): string {
  const url = new URL(req.url);
  const host = (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? "").split(",")[0]!.trim();
  const proto = (req.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, ""))
    .split(",")[0]!
    .trim();
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host) || !/^https?$/.test(proto)) return url.origin;
  return `${proto}://${host}`;
}
