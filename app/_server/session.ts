import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type Ability, can, type Principal } from "@/lib/auth/permissions";
import { resolveSession, SESSION_COOKIE } from "@/lib/auth/sessions";

/** The signed-in user of this page request, or null. */
export async function currentUser(): Promise<Principal | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? resolveSession(token) : null;
}

/** For pages: the signed-in user, else a redirect to the sign-in page. */
export async function requireUser(): Promise<Principal> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages that need an ability: viewers get the "forbidden" page, not a broken form. */
export async function requireAbility(ability: Ability): Promise<Principal> {
  const user = await requireUser();
  if (!can(user, ability)) redirect("/forbidden");
  return user;
}
