import { parseScopes } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";

export type TTokenStatus = "active" | "expired" | "revoked";

/** Tokens without their hashes: the caller's own, or everyone's (admins). */
export async function listTokens(filter: { userId?: string }) {
  const rows = await db.apiToken.findMany({
    where: filter.userId ? { userId: filter.userId } : {},
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdAt: true,
      user: { select: { id: true, username: true } },
    },
  });
  const now = Date.now();
  return rows.map((r) => ({
    ...r,
    scopes: parseScopes(r.scopes),
    status: (r.revokedAt
      ? "revoked"
      : r.expiresAt && r.expiresAt.getTime() <= now
        ? "expired"
        : "active") as TTokenStatus,
  }));
}
