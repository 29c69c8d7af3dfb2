"use client";

import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from "antd";
import { useState } from "react";
import { api } from "@/components/api-client";
import { ShownOnce } from "@/components/gitlab/ShownOnce";
import { useI18n } from "@/components/providers/I18nProvider";
import { SettingsBreadcrumb } from "@/components/settings/form-parts";
import { ResourceDrawer } from "@/components/settings/ResourceTable";
import { useApiAction } from "@/components/settings/use-api-action";
import type { TTokenScope } from "@/lib/domain/enums";

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: TTokenScope[];
  status: "active" | "expired" | "revoked";
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  owner: string;
};

type Values = { name: string; scopes: TTokenScope[]; expiresInDays: number | "never" };
const STATUS_COLOR = { active: "green", expired: "orange", revoked: "default" } as const;

export function TokensTable(props: {
  mine: TokenRow[];
  everyone: TokenRow[] | null;
  allowedScopes: TTokenScope[];
}) {
  const { t, dateTime, relative } = useI18n();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const { run } = useApiAction();

  const table = (items: TokenRow[], withOwner: boolean) => (
    <Table<TokenRow>
      rowKey="id"
      size="middle"
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50 } : false}
      locale={{ emptyText: <Empty description={t("tokens.emptyHint")} /> }}
      columns={[
        {
          title: t("common.name"),
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              {r.name}
              <code>{r.prefix}…</code>
            </Space>
          ),
        },
        ...(withOwner ? [{ title: t("tokens.owner"), dataIndex: "owner" }] : []),
        {
          title: t("tokens.scopes"),
          render: (_, r) => r.scopes.map((s) => <Tag key={s}>{t(`tokens.scopeNames.${s}`)}</Tag>),
        },
        {
          title: t("tokens.status"),
          render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`tokens.statuses.${r.status}`)}</Tag>,
        },
        {
          title: t("tokens.expires"),
          render: (_, r) => (r.expiresAt ? dateTime(r.expiresAt) : t("tokens.noExpiry")),
        },
        {
          title: t("tokens.lastUsed"),
          render: (_, r) => (r.lastUsedAt ? relative(r.lastUsedAt) : t("tokens.neverUsed")),
        },
        { title: t("common.createdAt"), render: (_, r) => dateTime(r.createdAt) },
        {
          title: t("common.actions"),
          width: 1,
          render: (_, r) =>
            r.status === "revoked" ? null : (
              <Popconfirm
                title={t("tokens.confirmRevoke", { name: r.name })}
                okText={t("tokens.revoke")}
                cancelText={t("common.cancel")}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  run(() => api("DELETE", `/api/v1/tokens/${r.id}`), { success: t("tokens.revoked") })
                }
              >
                <Button size="small" danger icon={<DeleteOutlined />}>
                  {t("tokens.revoke")}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );

  return (
    <>
      <SettingsBreadcrumb items={[{ title: t("tokens.title") }]} />
      <Card
        title={t("tokens.title")}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ scopes: [], expiresInDays: 90 });
              setOpen(true);
            }}
          >
            {t("tokens.add")}
          </Button>
        }
      >
        {props.everyone ? (
          <Tabs
            items={[
              { key: "mine", label: t("tokens.mine"), children: table(props.mine, false) },
              { key: "all", label: t("tokens.everyone"), children: table(props.everyone, true) },
            ]}
          />
        ) : (
          table(props.mine, false)
        )}
      </Card>
      <ResourceDrawer<Values>
        form={form}
        open={open}
        onClose={() => setOpen(false)}
        title={t("tokens.add")}
        size="default"
        method="POST"
        url="/api/v1/tokens"
        toInput={(v) => ({ ...v, expiresInDays: v.expiresInDays === "never" ? null : v.expiresInDays })}
        onSaved={(result) => setShown((result as { token: string }).token)}
      >
        <Form.Item
          name="name"
          label={t("common.name")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input maxLength={80} placeholder="gitlab-ci" />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t("tokens.scopes")}
          help={t("tokens.scopesHelp")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Checkbox.Group
            options={props.allowedScopes.map((s) => ({ value: s, label: t(`tokens.scopeNames.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t("tokens.expiresIn")}>
          <Select
            options={[
              ...[7, 30, 90, 365].map((d) => ({ value: d, label: t("tokens.days", { count: d }) })),
              { value: "never", label: t("tokens.noExpiry") },
            ]}
          />
        </Form.Item>
      </ResourceDrawer>
      <ShownOnce
        title={t("tokens.onceTitle")}
        text={t("tokens.onceText")}
        value={shown}
        onClose={() => setShown(null)}
      />
    </>
  );
}
