import type { Metadata } from "next";
import { UsersTable } from "@/components/settings/users/UsersTable";
import { ZRole } from "@/lib/domain/enums";
import { listUsers } from "@/lib/users/users";
import { viewer } from "../../../_server/i18n";
import { requireAbility } from "../../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("user.title") };
}

export default async function UsersPage() {
  const me = await requireAbility("configure");
  const users = await listUsers();
  return (
    <UsersTable
      currentUserId={me.userId}
      items={users.map((u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: ZRole.catch("viewer").parse(u.role),
        disabled: u.disabled,
        createdAt: u.createdAt.toISOString(),
      }))}
    />
  );
}
