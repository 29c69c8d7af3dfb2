"use client";

import { Card, Space, Tabs, Tag, Typography } from "antd";
import { useI18n } from "@/components/providers/I18nProvider";
import { SettingsBreadcrumb } from "@/components/settings/form-parts";
import { type ComponentRow, ComponentsTable } from "./ComponentsTable";
import { type ReleaseRow, ReleasesTable } from "./ReleasesTable";

type Props = {
  product: { id: string; name: string; description: string; featurePatterns: string };
  components: ComponentRow[];
  releases: ReleaseRow[];
  buildTags: Record<string, string[]>;
};

/** A product's page: its components (what runs) and its releases (which tag of each). */
export function ProductDetail({ product, components, releases, buildTags }: Props) {
  const { t } = useI18n();
  return (
    <>
      <SettingsBreadcrumb
        items={[{ title: t("products.title"), href: "/settings/products" }, { title: product.name }]}
      />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {product.name}
        </Typography.Title>
        {product.description ? (
          <Typography.Paragraph>{product.description}</Typography.Paragraph>
        ) : (
          <Typography.Paragraph type="secondary">{t("products.noDescription")}</Typography.Paragraph>
        )}
        <Space size="small" wrap>
          <Typography.Text type="secondary">{t("products.featurePatterns")}:</Typography.Text>
          {product.featurePatterns.split(",").map((p) => (
            <Tag key={p}>{p.trim()}</Tag>
          ))}
        </Space>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          defaultActiveKey="components"
          items={[
            {
              key: "components",
              label: `${t("products.components")} (${components.length})`,
              children: <ComponentsTable productId={product.id} items={components} />,
            },
            {
              key: "releases",
              label: `${t("products.releases")} (${releases.length})`,
              children: (
                <ReleasesTable
                  productId={product.id}
                  components={components.map((c) => ({ id: c.id, name: c.name }))}
                  items={releases}
                  buildTags={buildTags}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
