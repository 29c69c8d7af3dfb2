import { z } from "zod";
import { writeAudit } from "@/lib/audit/write-audit";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db";
import { RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { dummyPasswordHash, verifyPassword } from "./password";
import * as rateLimit from "./rate-limit";
import { createSession } from "./sessions";

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

function limits() {
  return {
    max: env().TAO_LOGIN_MAX_ATTEMPTS,
    window: env().TAO_LOGIN_WINDOW_SECONDS,
  };
}

/**
 * Checks a username and password and opens a session. Every attempt is counted before the password
 * is checked (so a burst cannot slip through), per username and — behind a trusted proxy — per client
 * address; a success takes its own attempt back. Past the limit attempts are refused until the window ends.
 */
export async function login(
  input: z.infer<typeof ZLoginRequest>,
  client: { ip: string | null; userAgent: string },
): Promise<{ token: string; expiresAt: Date }> {
  const { max, window } = limits();
  const userKey = `login:user:${input.username.toLowerCase()}`;
  const ipKey = client.ip ? `login:ip:${client.ip}` : undefined;
  const [byUser, byIp] = await Promise.all([
    rateLimit.hit(userKey, window),
    ipKey ? rateLimit.hit(ipKey, window) : 0,
  ]);
  // The per-address budget is larger: several people may sit behind one NAT.
  if (byUser > max || byIp > max * 5) {
    throw new RateLimitedError("Too many sign-in attempts; wait a few minutes and try again", window);
  }
  const user = await db.user.findUnique({
    where: { username: input.username },
    select: { id: true, username: true, passwordHash: true, disabled: true },
  });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.disabled) {
    await writeAudit(
      { system: "auth" },
      {
        action: "auth.login-failed",
        targetType: "user",
        detail: { username: input.username, ip: client.ip ?? "" },
      },
    );
    throw new UnauthorizedError("Wrong username or password");
  }
  await Promise.all([rateLimit.reset(userKey), ipKey ? rateLimit.giveBack(ipKey) : undefined]);
  const session = await createSession(user.id, client.userAgent);
  await writeAudit(
    { userId: user.id, username: user.username },
    { action: "auth.login", targetType: "user", targetId: user.id, detail: { ip: client.ip ?? "" } },
  );
  return session;
}
