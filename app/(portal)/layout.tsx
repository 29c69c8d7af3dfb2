import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/AppShell";
import { requireUser } from "../_server/session";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return <AppShell user={{ username: user.username, role: user.role }}>{children}</AppShell>;
}
