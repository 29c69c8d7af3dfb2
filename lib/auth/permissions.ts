import type { TRole, TTokenScope } from "@/lib/domain/enums";
import { ForbiddenError } from "@/lib/errors";

// Who may do what. One table: a role's abilities, and which ability each token scope unlocks.

export type Ability = "read" | "deploy" | "deploy-protected" | "report-build" | "configure";

const ROLE_ABILITIES: Record<TRole, readonly Ability[]> = {
  viewer: ["read"],
  deployer: ["read", "deploy", "report-build"],
  admin: ["read", "deploy", "deploy-protected", "report-build", "configure"],
};

const SCOPE_ABILITIES: Record<TTokenScope, readonly Ability[]> = {
  read: ["read"],
  deploy: ["read", "deploy", "deploy-protected"],
  "report-build": ["report-build"],
  admin: ["read", "deploy", "deploy-protected", "report-build", "configure"],
};

export type Principal = {
  userId: string;
  username: string;
  role: TRole;
  /** Present when the request came with an API token: the token's scopes narrow the role. */
  scopes?: readonly TTokenScope[];
};

export function can(principal: Principal, ability: Ability): boolean {
  if (!ROLE_ABILITIES[principal.role].includes(ability)) return false;
  if (!principal.scopes) return true;
  return principal.scopes.some((s) => SCOPE_ABILITIES[s].includes(ability));
}

export function assertCan(principal: Principal, ability: Ability, message?: string): void {
  if (!can(principal, ability)) throw new ForbiddenError(message);
}

/** Deploying to a protected (customer-facing) environment takes the higher ability. */
export function deployAbility(environment: { protected: boolean }): Ability {
  return environment.protected ? "deploy-protected" : "deploy";
}
