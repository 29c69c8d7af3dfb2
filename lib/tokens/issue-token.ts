import { writeAudit } from "@/lib/audit/write-audit";
import { createApiToken, type TCreateApiToken, ZCreateApiToken } from "@/lib/auth/api-tokens";
import { type Ability, can, type Principal } from "@/lib/auth/permissions";
import type { TTokenScope } from "@/lib/domain/enums";
import { BadRequestError, ForbiddenError } from "@/lib/errors";

// A person makes tokens for themself, with scopes their role can use; the plain token is in the
// answer once. A token can make more tokens only when it has the admin scope.

const SCOPE_NEEDS: Record<TTokenScope, Ability> = {
  read: "read",
  deploy: "deploy",
  "report-build": "report-build",
  admin: "configure",
};

export function scopesForRole(principal: Principal): TTokenScope[] {
  const asPerson = { ...principal, scopes: undefined };
  return (Object.keys(SCOPE_NEEDS) as TTokenScope[]).filter((s) => can(asPerson, SCOPE_NEEDS[s]));
}

export async function issueToken(principal: Principal, input: TCreateApiToken) {
  if (principal.scopes && !principal.scopes.includes("admin"))
    throw new ForbiddenError("Create tokens in the portal, or with a token that has the admin scope");
  const data = ZCreateApiToken.parse(input);
  const allowed = scopesForRole(principal);
  const refused = data.scopes.filter((s) => !allowed.includes(s));
  if (refused.length) throw new BadRequestError(`scopes: your role cannot use ${refused.join(", ")}`);
  const { token, row } = await createApiToken(principal.userId, data);
  await writeAudit(principal, {
    action: "token.create",
    targetType: "apiToken",
    targetId: row.id,
    detail: { name: row.name, scopes: row.scopes, expiresAt: row.expiresAt?.toISOString() ?? null },
  });
  return { ...row, scopes: data.scopes, token };
}
