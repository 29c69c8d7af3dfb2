"use client";

import { DeleteOutlined, EditOutlined, PlusOutlined, SyncOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import Link from "next/link";
import { useState } from "react";
import { api } from "@/components/api-client";
import { useI18n } from "@/components/providers/I18nProvider";
import { SecretStatus, SettingsBreadcrumb } from "@/components/settings/form-parts";
import { ResourceDrawer } from "@/components/settings/ResourceTable";
import { useApiAction } from "@/components/settings/use-api-action";
import { ShownOnce } from "./ShownOnce";

export type IntegrationRow = {
  id: string;
  name: string;
  baseUrl: string;
  hasAccessToken: boolean;
  branchTagTemplate: string;
  tagTagTemplate: string;
  lastSyncAt: string | null;
  lastSyncStatus: string;
  lastSyncSummary: string;
};

type Values = {
  name: string;
  baseUrl: string;
  accessToken: string;
  webhookSecret: string;
  regenerateSecret: boolean;
  branchTagTemplate: string;
  tagTagTemplate: string;
};

const SYNC_COLOR: Record<string, string> = {
  success: "green",
  failed: "red",
  running: "blue",
  queued: "blue",
};
const SYNC_KEYS = ["queued", "running", "success", "failed"] as const;

export function IntegrationsTable({ items, webhookUrl }: { items: IntegrationRow[]; webhookUrl: string }) {
  const { t, dateTime } = useI18n();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<IntegrationRow | null>(null);
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const { run } = useApiAction();

  function openForm(row: IntegrationRow | null) {
    setEditing(row);
    form.resetFields();
    form.setFieldsValue({
      name: row?.name ?? "GitLab",
      baseUrl: row?.baseUrl ?? "",
      accessToken: "",
      webhookSecret: "",
      regenerateSecret: false,
      branchTagTemplate: row?.branchTagTemplate ?? "{branch}-{shortSha}",
      tagTagTemplate: row?.tagTagTemplate ?? "{tag}",
    });
    setOpen(true);
  }

  const syncLabel = (s: string) => {
    const key = (SYNC_KEYS as readonly string[]).includes(s) ? (s as (typeof SYNC_KEYS)[number]) : "none";
    return t(`gitlab.syncStatus.${key}`);
  };

  return (
    <>
      <SettingsBreadcrumb items={[{ title: t("gitlab.title") }]} />
      <Card
        title={t("gitlab.title")}
        extra={
          <Space>
            <Link href="/settings/gitlab/events">{t("gitlab.navEvents")}</Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
              {t("gitlab.add")}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph>
          {t("gitlab.webhookUrl")}:{" "}
          <Typography.Text code copyable>
            {webhookUrl}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary">{t("gitlab.webhookUrlHelp")}</Typography.Text>
        </Typography.Paragraph>
        <Table<IntegrationRow>
          rowKey="id"
          size="middle"
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description={t("gitlab.emptyHint")} /> }}
          columns={[
            { title: t("common.name"), dataIndex: "name" },
            { title: t("gitlab.baseUrl"), dataIndex: "baseUrl" },
            { title: t("gitlab.accessToken"), render: (_, r) => <SecretStatus set={r.hasAccessToken} /> },
            {
              title: t("gitlab.branchTagTemplate"),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <code>{r.branchTagTemplate}</code>
                  <code>{r.tagTagTemplate}</code>
                </Space>
              ),
            },
            {
              title: t("gitlab.lastSync"),
              render: (_, r) => (
                <Tooltip title={r.lastSyncSummary}>
                  <Space direction="vertical" size={0}>
                    <Tag color={SYNC_COLOR[r.lastSyncStatus]}>{syncLabel(r.lastSyncStatus)}</Tag>
                    <Typography.Text type="secondary">
                      {r.lastSyncAt ? dateTime(r.lastSyncAt) : t("gitlab.never")}
                    </Typography.Text>
                  </Space>
                </Tooltip>
              ),
            },
            {
              title: t("common.actions"),
              width: 1,
              render: (_, r) => (
                <Space size="small" wrap={false}>
                  <Tooltip title={t("gitlab.resyncHelp")}>
                    <Button
                      size="small"
                      icon={<SyncOutlined />}
                      disabled={!r.hasAccessToken}
                      onClick={() =>
                        run(() => api("POST", `/api/v1/gitlab/integrations/${r.id}/resync`), {
                          success: t("gitlab.resyncQueued"),
                        })
                      }
                    >
                      {t("gitlab.resync")}
                    </Button>
                  </Tooltip>
                  <Button size="small" icon={<EditOutlined />} onClick={() => openForm(r)}>
                    {t("common.edit")}
                  </Button>
                  <Popconfirm
                    title={t("common.confirmDelete", { name: r.name })}
                    okText={t("common.delete")}
                    cancelText={t("common.cancel")}
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      run(() => api("DELETE", `/api/v1/gitlab/integrations/${r.id}`), {
                        success: t("common.deleted"),
                      })
                    }
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${t("common.delete")} ${r.name}`}
                    />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ResourceDrawer<Values>
        form={form}
        open={open}
        onClose={() => setOpen(false)}
        title={editing ? `${t("common.edit")} ${editing.name}` : t("gitlab.add")}
        method={editing ? "PUT" : "POST"}
        url={editing ? `/api/v1/gitlab/integrations/${editing.id}` : "/api/v1/gitlab/integrations"}
        toInput={(v) => v}
        onSaved={(result) => {
          const s = (result as { webhookSecret?: string }).webhookSecret;
          if (s) setSecret(s);
        }}
      >
        <Form.Item
          name="name"
          label={t("common.name")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="baseUrl"
          label={t("gitlab.baseUrl")}
          help={t("gitlab.baseUrlHelp")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input placeholder="https://gitlab.example.com" />
        </Form.Item>
        <Form.Item name="accessToken" label={t("gitlab.accessToken")} help={t("gitlab.accessTokenHelp")}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="webhookSecret"
          label={t("gitlab.webhookSecret")}
          help={t("gitlab.webhookSecretHelp")}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {editing && (
          <Form.Item name="regenerateSecret" valuePropName="checked">
            <Checkbox>{t("gitlab.regenerateSecret")}</Checkbox>
          </Form.Item>
        )}
        <Form.Item
          name="branchTagTemplate"
          label={t("gitlab.branchTagTemplate")}
          help={t("gitlab.tagTemplateHelp")}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="tagTagTemplate"
          label={t("gitlab.tagTagTemplate")}
          help={t("gitlab.tagTemplateHelp")}
        >
          <Input />
        </Form.Item>
      </ResourceDrawer>
      <ShownOnce
        title={t("gitlab.secretOnceTitle")}
        text={t("gitlab.secretOnceText")}
        value={secret}
        onClose={() => setSecret(null)}
      />
    </>
  );
}
