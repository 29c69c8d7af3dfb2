import { z } from "zod";
import { db } from "@/lib/db";
import { type TTokenScope, ZRole, ZTokenScope } from "@/lib/domain/enums";
import type { Principal } from "./permissions";
import { hashToken, newOpaqueToken } from "./tokens";

export const TOKEN_PREFIX = "tao_";
const TOUCH_EVERY_MS = 60_000;

export const ZCreateApiToken = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(ZTokenScope).min(1, "Pick at least one scope"),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(90),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

/** Creates a token; the plain value is returned once and never stored. */
export async function createApiToken(userId: string, input: TCreateApiToken) {
  const token = TOKEN_PREFIX + newOpaqueToken();
  const row = await db.apiToken.create({
    data: {
      userId,
      name: input.name,
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: hashToken(token),
      scopes: input.scopes.join(","),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null,
    },
    select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true, createdAt: true },
  });
  return { token, row };
}

export function parseScopes(text: string): TTokenScope[] {
  return text
    .split(",")
    .map((s) => ZTokenScope.safeParse(s.trim()))
    .flatMap((r) => (r.success ? [r.data] : []));
}

/** The principal for a bearer token, or null when unknown, expired, revoked or its user disabled. */
export async function resolveApiToken(token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, username: true, role: true, disabled: true } } },
  });
  if (!row || row.revokedAt || row.user.disabled) return null;
  const now = Date.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return {
    userId: row.user.id,
    username: row.user.username,
    role: ZRole.parse(row.user.role),
    scopes: parseScopes(row.scopes),
  };
}

export async function revokeApiToken(id: string, userId: string | null): Promise<boolean> {
  const res = await db.apiToken.updateMany({
    where: { id, ...(userId ? { userId } : {}), revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return res.count > 0;
}
