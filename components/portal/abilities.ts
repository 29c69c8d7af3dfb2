import { can, type Principal } from "@/lib/auth/permissions";
import type { TRole } from "@/lib/domain/enums";

/** What the signed-in user may do, computed on the server (lib/auth/permissions) and passed down. */
export type Abilities = { role: TRole; deploy: boolean; deployProtected: boolean };

/**
 * Why the user may not deploy to an environment (a message key and its variables), or null when
 * they may. Without an environment: whether they may deploy anywhere at all.
 */
export function deployBlock(
  abilities: Abilities,
  environment?: { name: string; protected: boolean } | null,
):
  | { key: "portal.common.viewerCannotDeploy"; vars: { role: string } }
  | { key: "portal.common.protectedAdminsOnly"; vars: { env: string } }
  | null {
  if (!abilities.deploy) return { key: "portal.common.viewerCannotDeploy", vars: { role: abilities.role } };
  if (environment?.protected && !abilities.deployProtected)
    return { key: "portal.common.protectedAdminsOnly", vars: { env: environment.name } };
  return null;
}

/** The abilities the portal pages pass to their client components. */
export function abilitiesOf(principal: Principal): Abilities {
  return {
    role: principal.role,
    deploy: can(principal, "deploy"),
    deployProtected: can(principal, "deploy-protected"),
  };
}
