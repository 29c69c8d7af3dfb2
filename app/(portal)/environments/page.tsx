import type { Metadata } from "next";
import { abilitiesOf } from "@/components/portal/abilities";
import { EnvironmentsDashboard } from "@/components/portal/EnvironmentsDashboard";
import { environmentsOverview } from "@/lib/dashboards/environments";
import { viewer } from "../../_server/i18n";
import { requireUser } from "../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("portal.environments.title") };
}

export default async function EnvironmentsPage() {
  const user = await requireUser();
  const items = await environmentsOverview();
  return <EnvironmentsDashboard items={items} abilities={abilitiesOf(user)} />;
}
