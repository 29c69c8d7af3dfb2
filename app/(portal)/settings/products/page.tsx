import type { Metadata } from "next";
import { ProductsTable } from "@/components/settings/products/ProductsTable";
import { listProducts } from "@/lib/catalog/products";
import { viewer } from "../../../_server/i18n";
import { requireAbility } from "../../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("products.title") };
}

export default async function ProductsPage() {
  await requireAbility("configure");
  const products = await listProducts();
  return (
    <ProductsTable
      items={products.map((p) => ({
        id: p.id,
        name: p.name,
        description: p.description,
        featurePatterns: p.featurePatterns,
        components: p._count.components,
        releases: p._count.releases,
      }))}
    />
  );
}
