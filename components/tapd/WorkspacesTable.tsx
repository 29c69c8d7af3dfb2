"use client";

import { App, Card, Select, Table, Tag, Typography } from "antd";
import { api } from "@/components/api-client";
import { useI18n } from "@/components/providers/I18nProvider";
import { useApiAction } from "@/components/settings/use-api-action";
import type { ProductOption, WorkspaceRow } from "./types";

/** Synced workspaces; mapping one to a product turns its iterations into that product's releases. */
export function WorkspacesTable(props: { workspaces: WorkspaceRow[]; products: ProductOption[] }) {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const { run, busy } = useApiAction();

  async function map(workspaceId: string, productId: string | null) {
    const result = await run(() =>
      api<{ releasesCreated: number }>("PUT", `/api/v1/tapd/workspaces/${workspaceId}`, { productId }),
    );
    if (result)
      message.success(
        productId
          ? t("tapd.workspaces.mapped", { count: result.releasesCreated })
          : t("tapd.workspaces.unmapped"),
      );
  }

  return (
    <Card>
      <Table<WorkspaceRow>
        rowKey="id"
        size="small"
        dataSource={props.workspaces}
        pagination={false}
        locale={{ emptyText: t("tapd.workspaces.emptyHint") }}
        columns={[
          {
            title: t("tapd.workspaces.id"),
            dataIndex: "id",
            render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
          },
          {
            title: t("tapd.workspaces.name"),
            dataIndex: "name",
            render: (n: string) => <strong>{n}</strong>,
          },
          { title: t("tapd.workspaces.status"), dataIndex: "status", render: (s: string) => <Tag>{s}</Tag> },
          {
            title: t("tapd.workspaces.product"),
            key: "product",
            render: (_, w) => (
              <Select
                style={{ minWidth: 200 }}
                allowClear
                disabled={busy}
                placeholder={t("tapd.workspaces.notMapped")}
                value={w.productId ?? undefined}
                options={props.products.map((p) => ({ value: p.id, label: p.name }))}
                onChange={(value?: string) => map(w.id, value ?? null)}
                aria-label={`${t("tapd.workspaces.product")} ${w.name}`}
              />
            ),
          },
          { title: t("tapd.workspaces.iterations"), dataIndex: "iterations", align: "right" },
          { title: t("tapd.workspaces.stories"), dataIndex: "stories", align: "right" },
          { title: t("tapd.workspaces.bugs"), dataIndex: "bugs", align: "right" },
          { title: t("tapd.workspaces.syncedAt"), dataIndex: "syncedAt", render: (v: string) => dateTime(v) },
        ]}
      />
    </Card>
  );
}
