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
 * Checks a username and password and opens a session. Failed attempts are counted per username and
 * per client address; past the limit every attempt is refused until the window ends.
 */
export async function login(
  input: z.infer<typeof ZLoginRequest>,
  client: { ip: string; userAgent: string },
): Promise<{ token: string; expiresAt: Date }> {
  const { max, window } = limits();
  const keys = [`login:user:${input.username.toLowerCase()}`, `login:ip:${client.ip}`];
  const counts = await Promise.all(keys.map((k) => rateLimit.hit(k, window)));
  // The per-address budget is larger: several people may sit behind one NAT.
  if (counts[0]! > max || counts[1]! > max * 5) {
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
        detail: { username: input.username, ip: client.ip },
      },
    );
    throw new UnauthorizedError("Wrong username or password");
  }
  await rateLimit.reset(keys[0]!);
  const session = await createSession(user.id, client.userAgent);
  await writeAudit(
    { userId: user.id, username: user.username },
    {
      action: "auth.login",
      targetType: "user",
      targetId: user.id,
      detail: { ip: client.ip },
    },
  );
  return session;
}
