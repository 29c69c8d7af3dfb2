import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { abilitiesOf } from "@/components/portal/abilities";
import { EnvironmentDetailView } from "@/components/portal/EnvironmentDetailView";
import { environmentDetail } from "@/lib/dashboards/environments";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { viewer } from "../../../_server/i18n";
import { requireUser } from "../../../_server/session";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ t }, { id }] = await Promise.all([viewer(), params]);
  const env = await db.environment.findUnique({ where: { id }, select: { name: true } });
  return { title: env ? `${env.name} · ${t("portal.environments.title")}` : t("portal.environments.title") };
}

export default async function EnvironmentPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const env = await environmentDetail(id).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return <EnvironmentDetailView env={env} abilities={abilitiesOf(user)} />;
}
