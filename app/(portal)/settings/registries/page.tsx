import type { Metadata } from "next";
import { RegistriesTable } from "@/components/settings/registries/RegistriesTable";
import { listEnvironments } from "@/lib/environments/environments";
import { listRegistries } from "@/lib/environments/registries";
import { viewer } from "../../../_server/i18n";
import { requireAbility } from "../../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("registry.title") };
}

export default async function RegistriesPage() {
  await requireAbility("configure");
  const [registries, environments] = await Promise.all([listRegistries(), listEnvironments()]);
  return (
    <RegistriesTable
      // passwordSet only: the password itself never leaves the server
      items={registries.map((r) => ({
        id: r.id,
        name: r.name,
        url: r.url,
        username: r.username,
        passwordSet: r.passwordSet,
        environments: environments.filter((e) => e.registryId === r.id).map((e) => e.name),
      }))}
    />
  );
}
