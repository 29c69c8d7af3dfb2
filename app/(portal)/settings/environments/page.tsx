import type { Metadata } from "next";
import { EnvironmentsSettings } from "@/components/settings/environments/EnvironmentsSettings";
import type { ComponentNameOption, HostRow } from "@/components/settings/environments/types";
import { listComponents } from "@/lib/catalog/components";
import { ZContainerCli, ZHostAuthMethod } from "@/lib/domain/enums";
import { listEnvironments } from "@/lib/environments/environments";
import { listHosts } from "@/lib/environments/hosts";
import { listRegistries } from "@/lib/environments/registries";
import { viewer } from "../../../_server/i18n";
import { requireAbility } from "../../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("nav.environmentsConfig") };
}

export default async function EnvironmentsSettingsPage() {
  await requireAbility("configure");
  const [environments, hosts, registries, components] = await Promise.all([
    listEnvironments(),
    listHosts(),
    listRegistries(),
    listComponents(),
  ]);

  // Hosts as the browser may see them: whether a secret is stored, never the secret.
  const hostsByEnvironment = new Map<string, HostRow[]>();
  for (const h of hosts) {
    const row: HostRow = {
      id: h.id,
      environmentId: h.environmentId,
      name: h.name,
      address: h.address,
      port: h.port,
      username: h.username,
      authMethod: ZHostAuthMethod.catch("password").parse(h.authMethod),
      secretSet: h.secretSet,
      containerCli: ZContainerCli.catch("docker").parse(h.containerCli),
      components: h.components,
      hostKeyFingerprint: h.hostKeyFingerprint,
    };
    hostsByEnvironment.set(h.environmentId, [...(hostsByEnvironment.get(h.environmentId) ?? []), row]);
  }

  const names = new Map<string, Set<string>>();
  for (const c of components) names.set(c.name, (names.get(c.name) ?? new Set()).add(c.product.name));
  const componentNames: ComponentNameOption[] = [...names]
    .map(([name, products]) => ({ name, products: [...products].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <EnvironmentsSettings
      items={environments.map((e) => ({
        id: e.id,
        name: e.name,
        description: e.description,
        protected: e.protected,
        dnsDomain: e.dnsDomain,
        registryId: e.registryId,
        registryName: e.registry?.name ?? null,
        overrides: e.overrides,
        hosts: hostsByEnvironment.get(e.id) ?? [],
      }))}
      registries={registries.map((r) => ({ id: r.id, name: r.name, url: r.url }))}
      componentNames={componentNames}
    />
  );
}
