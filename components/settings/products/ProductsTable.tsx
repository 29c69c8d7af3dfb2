"use client";

import { Form, Input, Typography } from "antd";
import Link from "next/link";
import { useI18n } from "@/components/providers/I18nProvider";
import { SettingsBreadcrumb } from "@/components/settings/form-parts";
import { ResourceTable } from "@/components/settings/ResourceTable";

type Row = {
  id: string;
  name: string;
  description: string;
  featurePatterns: string;
  components: number;
  releases: number;
};
type Values = { name: string; description: string; featurePatterns: string };

export function ProductsTable({ items }: { items: Row[] }) {
  const { t } = useI18n();
  return (
    <>
      <SettingsBreadcrumb items={[{ title: t("products.title") }]} />
      <ResourceTable<Row, Values>
        title={t("products.title")}
        apiBase="/api/v1/products"
        items={items}
        emptyHint={t("products.emptyHint")}
        nameOf={(p) => p.name}
        columns={[
          {
            title: t("common.name"),
            dataIndex: "name",
            render: (name, p) => <Link href={`/settings/products/${p.id}`}>{name}</Link>,
          },
          { title: t("common.description"), dataIndex: "description" },
          {
            title: t("products.featurePatterns"),
            dataIndex: "featurePatterns",
            render: (v) => <Typography.Text code>{v}</Typography.Text>,
          },
          { title: t("products.components"), dataIndex: "components" },
          { title: t("products.releases"), dataIndex: "releases" },
        ]}
        toFormValues={(p) => ({
          name: p?.name ?? "",
          description: p?.description ?? "",
          featurePatterns: p?.featurePatterns ?? "feature_*,feature/*",
        })}
        toInput={(v) => v}
        renderForm={() => (
          <>
            <Form.Item
              name="name"
              label={t("common.name")}
              rules={[{ required: true, message: t("common.required") }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="description" label={t("common.description")}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item
              name="featurePatterns"
              label={t("products.featurePatterns")}
              extra={t("products.featurePatternsHelp")}
            >
              <Input />
            </Form.Item>
          </>
        )}
      />
    </>
  );
}
