import { env } from "@/lib/config/env";
import { db } from "@/lib/db";
import { ZRole } from "@/lib/domain/enums";
import type { Principal } from "./permissions";
import { hashToken, newOpaqueToken } from "./tokens";

export { SESSION_COOKIE } from "./cookie-names";

const TOUCH_EVERY_MS = 60_000;

function sessionHours(): number {
  return env().TAO_SESSION_HOURS;
}

export async function createSession(
  userId: string,
  userAgent: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newOpaqueToken();
  const expiresAt = new Date(Date.now() + sessionHours() * 3600_000);
  await db.session.create({
    data: { id: hashToken(token), userId, expiresAt, userAgent: userAgent.slice(0, 200) },
  });
  return { token, expiresAt };
}

/** The signed-in user for a session cookie value, or null when it is unknown, expired or disabled. */
export async function resolveSession(token: string): Promise<Principal | null> {
  const session = await db.session.findUnique({
    where: { id: hashToken(token) },
    include: { user: { select: { id: true, username: true, role: true, disabled: true } } },
  });
  if (!session || session.user.disabled) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // Sliding expiry: active users stay signed in.
    await db.session.updateMany({
      where: { id: session.id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + sessionHours() * 3600_000) },
    });
  }
  return { userId: session.user.id, username: session.user.username, role: ZRole.parse(session.user.role) };
}

export async function destroySession(token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: hashToken(token) } });
}

export async function destroyUserSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}
