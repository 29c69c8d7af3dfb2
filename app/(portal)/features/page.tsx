import type { Metadata } from "next";
import { abilitiesOf } from "@/components/portal/abilities";
import { FeaturesDashboard } from "@/components/portal/FeaturesDashboard";
import { featuresOverview } from "@/lib/dashboards/features";
import { viewer } from "../../_server/i18n";
import { requireUser } from "../../_server/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("portal.features.title") };
}

export default async function FeaturesPage({ searchParams }: Props) {
  const user = await requireUser();
  const includeClosed = (await searchParams).closed === "1";
  const items = await featuresOverview({ includeClosed });
  return <FeaturesDashboard items={items} abilities={abilitiesOf(user)} includeClosed={includeClosed} />;
}
