import type { Metadata } from "next";
import { TapdSettings } from "@/components/tapd/TapdSettings";
import { listFeatureBranches } from "@/lib/catalog/feature-branches";
import { listProducts } from "@/lib/catalog/products";
import { linkedItemsForFeatures } from "@/lib/tapd/linked-items";
import { listTapdRuns } from "@/lib/tapd/runs";
import { getTapdSettings } from "@/lib/tapd/settings";
import { listTapdWorkspaces } from "@/lib/tapd/workspaces";
import { viewer } from "../../../_server/i18n";
import { requireAbility } from "../../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("tapd.title") };
}

export default async function TapdSettingsPage() {
  await requireAbility("configure");
  const [settings, workspaces, runs, products, features] = await Promise.all([
    getTapdSettings(),
    listTapdWorkspaces(),
    listTapdRuns(30),
    listProducts(),
    listFeatureBranches(),
  ]);
  const links = await linkedItemsForFeatures(features.map((f) => f.id));
  return (
    <TapdSettings
      // passwordSet only: the API password never leaves the server
      settings={{
        enabled: settings.enabled,
        baseUrl: settings.baseUrl,
        apiUser: settings.apiUser,
        passwordSet: settings.passwordSet,
        companyId: settings.companyId,
        workspaceIds: settings.workspaceIds,
        intervalMinutes: settings.intervalMinutes,
      }}
      workspaces={workspaces.map((w) => ({
        id: w.id,
        name: w.name,
        status: w.status,
        productId: w.productId,
        iterations: w.iterations,
        stories: w.stories,
        bugs: w.bugs,
        syncedAt: w.syncedAt.toISOString(),
      }))}
      runs={runs.map((r) => ({
        ...r,
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
      }))}
      products={products.map((p) => ({ id: p.id, name: p.name }))}
      features={features.map((f) => ({
        id: f.id,
        branch: f.branch,
        title: f.title,
        productName: f.product.name,
        items: links[f.id] ?? [],
      }))}
    />
  );
}
