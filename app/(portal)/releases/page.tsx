import type { Metadata } from "next";
import { abilitiesOf } from "@/components/portal/abilities";
import { ReleasesDashboard } from "@/components/portal/ReleasesDashboard";
import { releasesOverview } from "@/lib/dashboards/releases";
import { viewer } from "../../_server/i18n";
import { requireUser } from "../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("portal.releases.title") };
}

export default async function ReleasesPage() {
  const user = await requireUser();
  const data = await releasesOverview();
  return <ReleasesDashboard data={data} abilities={abilitiesOf(user)} />;
}
