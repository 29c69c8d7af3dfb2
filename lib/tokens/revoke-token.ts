import { writeAudit } from "@/lib/audit/write-audit";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { can, type Principal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/** Revokes one of the caller's tokens; admins may revoke anyone's. Revoking twice is harmless. */
export async function revokeToken(principal: Principal, id: string) {
  const admin = can(principal, "configure");
  const row = await db.apiToken.findFirst({
    where: { id, ...(admin ? {} : { userId: principal.userId }) },
    select: { id: true, name: true, revokedAt: true, user: { select: { username: true } } },
  });
  if (!row) throw new NotFoundError("API token");
  if (row.revokedAt) return;
  await revokeApiToken(id, admin ? null : principal.userId);
  await writeAudit(principal, {
    action: "token.revoke",
    targetType: "apiToken",
    targetId: id,
    detail: { name: row.name, owner: row.user.username },
  });
}
