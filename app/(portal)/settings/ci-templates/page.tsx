import type { Metadata } from "next";
import { TemplatesTable } from "@/components/cci/TemplatesTable";
import { DEFAULT_TEMPLATE_BODY } from "@/lib/cci/default-template";
import { listTemplates } from "@/lib/cci/templates";
import { viewer } from "../../../_server/i18n";
import { requireAbility } from "../../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("cci.title") };
}

export default async function CiTemplatesPage() {
  await requireAbility("configure");
  const items = await listTemplates();
  return (
    <TemplatesTable
      defaultBody={DEFAULT_TEMPLATE_BODY}
      items={items.map((t) => ({
        id: t.id,
        name: t.name,
        description: t.description,
        namespacePattern: t.namespacePattern,
        projectPattern: t.projectPattern,
        branchPattern: t.branchPattern,
        body: t.body,
        variables: t.variables,
        version: t.version,
        updatedAt: t.updatedAt.toISOString(),
      }))}
    />
  );
}
