import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProductDetail } from "@/components/settings/products/ProductDetail";
import { can } from "@/lib/auth/permissions";
import { listComponents } from "@/lib/catalog/components";
import { listReleases } from "@/lib/catalog/releases";
import { db } from "@/lib/db";
import { ZLayer, ZReleaseStatus } from "@/lib/domain/enums";
import { viewer } from "../../../../_server/i18n";
import { currentUser, requireAbility } from "../../../../_server/session";

type Props = { params: Promise<{ id: string }> };

const findProduct = (id: string) => db.product.findUnique({ where: { id } });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ t }, user, { id }] = await Promise.all([viewer(), currentUser(), params]);
  // Only those who may open the page learn the product's name from its title.
  const product = user && can(user, "configure") ? await findProduct(id) : null;
  return { title: product ? `${product.name} · ${t("products.title")}` : t("products.title") };
}

/** Known image tags per component (newest first), offered while editing a release. */
async function buildTagsOf(productId: string): Promise<Record<string, string[]>> {
  const builds = await db.build.findMany({
    where: { component: { productId } },
    orderBy: { createdAt: "desc" },
    select: { componentId: true, tag: true },
    take: 5000,
  });
  const tags: Record<string, string[]> = {};
  for (const b of builds) {
    const list = tags[b.componentId];
    if (list) list.push(b.tag);
    else tags[b.componentId] = [b.tag];
  }
  return tags;
}

export default async function ProductPage({ params }: Props) {
  await requireAbility("configure");
  const { id } = await params;
  const product = await findProduct(id);
  if (!product) notFound();
  const [components, releases, buildTags] = await Promise.all([
    listComponents(id),
    listReleases(id),
    buildTagsOf(id),
  ]);
  const order = new Map(components.map((c, i) => [c.id, i]));
  return (
    <ProductDetail
      product={{
        id: product.id,
        name: product.name,
        description: product.description,
        featurePatterns: product.featurePatterns,
      }}
      components={components.map((c) => ({
        id: c.id,
        name: c.name,
        image: c.image,
        layer: ZLayer.catch("app").parse(c.layer),
        sortOrder: c.sortOrder,
        runOptions: c.runOptions,
        healthCheck: c.healthCheck,
        gitlabPath: c.gitlabPath,
      }))}
      releases={releases.map((r) => ({
        id: r.id,
        version: r.version,
        status: ZReleaseStatus.catch("draft").parse(r.status),
        notes: r.notes,
        createdAt: r.createdAt.toISOString(),
        items: r.items
          .map((i) => ({ componentId: i.componentId, componentName: i.component.name, tag: i.tag }))
          .sort((a, b) => (order.get(a.componentId) ?? 0) - (order.get(b.componentId) ?? 0)),
      }))}
      buildTags={buildTags}
    />
  );
}
