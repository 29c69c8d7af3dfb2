import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { hashPassword, ZNewPassword } from "@/lib/auth/password";
import { destroyUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { ZRole } from "@/lib/domain/enums";
import { BadRequestError, ConflictError, NotFoundError } from "@/lib/errors";

export const ZUserInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.@-]{1,63}$/, "2–64 letters, digits, '.', '_', '@' or '-'"),
  displayName: z.string().trim().max(120).default(""),
  role: ZRole.default("viewer"),
  /** Required on create; empty on update keeps the current password. */
  password: ZNewPassword.optional().or(z.literal("").transform(() => undefined)),
  disabled: z.boolean().default(false),
});
export type TUserInput = z.input<typeof ZUserInput>;

const publicFields = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  disabled: true,
  createdAt: true,
} as const;

export function listUsers() {
  return db.user.findMany({ orderBy: { username: "asc" }, select: publicFields });
}

export async function createUser(actor: AuditActor, input: TUserInput) {
  const data = ZUserInput.parse(input);
  if (!data.password) throw new BadRequestError("password: required for a new user");
  const { password, ...rest } = data;
  const user = await db.user.create({
    data: { ...rest, passwordHash: await hashPassword(password) },
    select: publicFields,
  });
  await writeAudit(actor, { action: "user.create", targetType: "user", targetId: user.id, detail: data });
  return user;
}

async function assertAnotherAdmin(exceptId: string) {
  const admins = await db.user.count({ where: { role: "admin", disabled: false, id: { not: exceptId } } });
  if (admins === 0)
    throw new ConflictError("tao needs at least one active admin; make someone else admin first");
}

export async function updateUser(actor: AuditActor, id: string, input: TUserInput) {
  const data = ZUserInput.parse(input);
  const before = await db.user.findUnique({ where: { id }, select: publicFields });
  if (!before) throw new NotFoundError("User");
  if (before.role === "admin" && (data.role !== "admin" || data.disabled)) await assertAnotherAdmin(id);
  const { password, ...rest } = data;
  const user = await db.user.update({
    where: { id },
    data: { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) },
    select: publicFields,
  });
  // A new password, a lower role or a disabled account ends the user's open sessions.
  if (password || data.disabled || data.role !== before.role) await destroyUserSessions(id);
  await writeAudit(actor, { action: "user.update", targetType: "user", targetId: id, detail: data });
  return user;
}

export async function deleteUser(actor: AuditActor, id: string) {
  if ("userId" in actor && actor.userId === id) throw new ConflictError("You cannot delete your own account");
  const user = await db.user.findUnique({ where: { id }, select: publicFields });
  if (!user) throw new NotFoundError("User");
  if (user.role === "admin") await assertAnotherAdmin(id);
  await db.user.delete({ where: { id } });
  await writeAudit(actor, {
    action: "user.delete",
    targetType: "user",
    targetId: id,
    detail: { username: user.username },
  });
}
