import type { Metadata } from "next";
import { headers } from "next/headers";
import { IntegrationsTable } from "@/components/gitlab/IntegrationsTable";
import { listIntegrations } from "@/lib/gitlab/integrations";
import { viewer } from "../../../_server/i18n";
import { requireAbility } from "../../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("gitlab.title") };
}

export default async function GitlabPage() {
  await requireAbility("configure");
  const [items, h] = await Promise.all([listIntegrations(), headers()]);
  const proto = h.get("x-forwarded-proto") ?? "http";
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  return (
    <IntegrationsTable
      webhookUrl={`${proto}://${host}/api/v1/gitlab/webhook`}
      items={items.map((i) => ({
        id: i.id,
        name: i.name,
        baseUrl: i.baseUrl,
        hasAccessToken: i.hasAccessToken,
        branchTagTemplate: i.branchTagTemplate,
        tagTagTemplate: i.tagTagTemplate,
        lastSyncAt: i.lastSyncAt?.toISOString() ?? null,
        lastSyncStatus: i.lastSyncStatus,
        lastSyncSummary: i.lastSyncSummary,
      }))}
    />
  );
}
