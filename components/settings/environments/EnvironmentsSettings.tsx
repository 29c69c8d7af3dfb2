"use client";

import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { type Key, useState } from "react";
import { api } from "@/components/api-client";
import { useI18n } from "@/components/providers/I18nProvider";
import { SecretStatus, SettingsBreadcrumb } from "@/components/settings/form-parts";
import { ResourceTable } from "@/components/settings/ResourceTable";
import { useApiAction } from "@/components/settings/use-api-action";
import { HostDrawer, type HostValues, hostFormValues } from "./HostDrawer";
import { HostExtraActions } from "./HostExtraActions";
import type { ComponentNameOption, EnvironmentRow, HostRow, RegistryOption } from "./types";

type EnvValues = {
  name: string;
  description: string;
  protected: boolean;
  dnsDomain: string;
  registryId?: string | null;
  /** JSON text of component name → run option overrides */
  overrides: string;
};

const OVERRIDES_EXAMPLE = '{\n  "component-a": { "memory": "1g", "env": { "LOG_LEVEL": "debug" } }\n}';

/** Parses the overrides text area: an object whose values are objects, or a message saying what is wrong. */
export function parseOverrides(text: string): { value: Record<string, object> } | { error: string } {
  if (!text.trim()) return { value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { error: "object" };
  for (const [name, value] of Object.entries(parsed)) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return { error: `component:${name}` };
  }
  return { value: parsed as Record<string, object> };
}

type Props = {
  items: EnvironmentRow[];
  registries: RegistryOption[];
  componentNames: ComponentNameOption[];
};

export function EnvironmentsSettings({ items, registries, componentNames }: Props) {
  const { t } = useI18n();
  const [hostForm] = Form.useForm<HostValues>();
  const [hostDrawer, setHostDrawer] = useState<{
    open: boolean;
    environment: EnvironmentRow | null;
    editing: HostRow | null;
  }>({ open: false, environment: null, editing: null });
  const [expanded, setExpanded] = useState<readonly Key[]>([]);

  function openHost(environment: EnvironmentRow, host: HostRow | null) {
    hostForm.resetFields();
    hostForm.setFieldsValue(hostFormValues(host));
    setHostDrawer({ open: true, environment, editing: host });
  }

  return (
    <>
      <SettingsBreadcrumb items={[{ title: t("nav.environmentsConfig") }]} />
      <ResourceTable<EnvironmentRow, EnvValues>
        title={t("environment.title")}
        apiBase="/api/v1/environments"
        items={items}
        emptyHint={t("environment.emptyHint")}
        nameOf={(e) => e.name}
        columns={[
          { title: t("common.name"), dataIndex: "name", render: (name: string) => <strong>{name}</strong> },
          {
            title: t("environment.protected"),
            dataIndex: "protected",
            render: (p: boolean) =>
              p ? (
                <Tag color="red" icon={<LockOutlined />}>
                  {t("environment.protectedTag")}
                </Tag>
              ) : null,
          },
          {
            title: t("common.description"),
            dataIndex: "description",
            render: (d: string) => (
              <Typography.Text ellipsis={{ tooltip: d }} style={{ maxWidth: 280 }}>
                {d}
              </Typography.Text>
            ),
          },
          {
            title: t("environment.dnsDomain"),
            dataIndex: "dnsDomain",
            render: (d: string) => (d ? <Typography.Text code>{d}</Typography.Text> : null),
          },
          {
            title: t("environment.registry"),
            dataIndex: "registryName",
            render: (r: string | null) =>
              r ?? <Typography.Text type="secondary">{t("common.none")}</Typography.Text>,
          },
          {
            title: t("environment.hosts"),
            key: "hosts",
            align: "right",
            render: (_, e) => e.hosts.length,
          },
        ]}
        extraActions={(e) => (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => openHost(e, null)}
            aria-label={`${t("host.add")} ${e.name}`}
          >
            {t("host.add")}
          </Button>
        )}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys),
          expandedRowRender: (e) => (
            <HostsList environment={e} onAdd={() => openHost(e, null)} onEdit={(h) => openHost(e, h)} />
          ),
        }}
        toFormValues={(e) => ({
          name: e?.name ?? "",
          description: e?.description ?? "",
          protected: e?.protected ?? false,
          dnsDomain: e?.dnsDomain ?? "",
          registryId: e?.registryId ?? null,
          overrides: e && Object.keys(e.overrides).length ? JSON.stringify(e.overrides, null, 2) : "",
        })}
        toInput={(v) => {
          const parsed = parseOverrides(v.overrides ?? "");
          return {
            name: v.name.trim(),
            description: v.description ?? "",
            protected: v.protected ?? false,
            dnsDomain: (v.dnsDomain ?? "").trim(),
            registryId: v.registryId ?? null,
            overrides: "value" in parsed ? parsed.value : {},
          };
        }}
        fieldOf={(path) => (path[0] === "overrides" ? ["overrides"] : undefined)}
        renderForm={() => (
          <>
            <Form.Item
              name="name"
              label={t("common.name")}
              extra={t("environment.nameHelp")}
              rules={[
                { required: true, message: t("common.required") },
                { pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/, message: t("environment.nameInvalid") },
              ]}
            >
              <Input autoComplete="off" placeholder="test-1" />
            </Form.Item>
            <Form.Item name="description" label={t("common.description")}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="protected"
              label={t("environment.protected")}
              valuePropName="checked"
              extra={t("environment.protectedHelp")}
            >
              <Switch />
            </Form.Item>
            <Form.Item
              name="dnsDomain"
              label={t("environment.dnsDomain")}
              extra={t("environment.dnsDomainHelp")}
            >
              <Input autoComplete="off" placeholder="test-1.example.local" />
            </Form.Item>
            <Form.Item
              name="registryId"
              label={t("environment.registry")}
              extra={t("environment.registryHelp")}
            >
              <Select
                allowClear
                placeholder={t("environment.noRegistry")}
                options={registries.map((r) => ({ value: r.id, label: `${r.name} (${r.url})` }))}
              />
            </Form.Item>
            <Form.Item
              name="overrides"
              label={t("environment.overrides")}
              extra={t("environment.overridesHelp")}
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    const parsed = parseOverrides(value ?? "");
                    if ("value" in parsed) return Promise.resolve();
                    const message =
                      parsed.error === "object"
                        ? t("environment.overridesNotObject")
                        : parsed.error.startsWith("component:")
                          ? t("environment.overridesNotObjectFor", { name: parsed.error.slice(10) })
                          : t("environment.overridesInvalidJson", { error: parsed.error });
                    return Promise.reject(new Error(message));
                  },
                },
                {
                  warningOnly: true,
                  validator: (_, value: string | undefined) => {
                    const parsed = parseOverrides(value ?? "");
                    if (!("value" in parsed)) return Promise.resolve();
                    const known = new Set(componentNames.map((c) => c.name));
                    const unknown = Object.keys(parsed.value).filter((n) => !known.has(n));
                    return unknown.length
                      ? Promise.reject(
                          new Error(t("environment.overridesUnknown", { names: unknown.join(", ") })),
                        )
                      : Promise.resolve();
                  },
                },
              ]}
            >
              <Input.TextArea
                rows={8}
                spellCheck={false}
                placeholder={OVERRIDES_EXAMPLE}
                style={{ fontFamily: "monospace" }}
              />
            </Form.Item>
          </>
        )}
      />
      <HostDrawer
        form={hostForm}
        open={hostDrawer.open}
        environment={hostDrawer.environment}
        editing={hostDrawer.editing}
        componentNames={componentNames}
        onClose={() => setHostDrawer((s) => ({ ...s, open: false }))}
        onSaved={() => {
          // show the environment's hosts, the new one among them
          const id = hostDrawer.environment?.id;
          if (id) setExpanded((keys) => (keys.includes(id) ? keys : [...keys, id]));
        }}
      />
    </>
  );
}

function HostsList(props: {
  environment: EnvironmentRow;
  onAdd: () => void;
  onEdit: (host: HostRow) => void;
}) {
  const { t } = useI18n();
  const { run } = useApiAction();
  const { environment } = props;
  const columns: TableColumnsType<HostRow> = [
    { title: t("common.name"), dataIndex: "name" },
    {
      title: t("host.address"),
      key: "address",
      render: (_, h) => (
        <Typography.Text code>
          {h.username}@{h.address}:{h.port}
        </Typography.Text>
      ),
    },
    {
      title: t("host.authMethod"),
      key: "auth",
      render: (_, h) => (
        <Space size={4}>
          {t(`host.authMethods.${h.authMethod}`)}
          <SecretStatus set={h.secretSet} />
        </Space>
      ),
    },
    { title: t("host.containerCli"), dataIndex: "containerCli" },
    {
      title: t("host.components"),
      dataIndex: "components",
      render: (names: string[]) =>
        names.length ? (
          <Space size={[4, 4]} wrap>
            {names.map((n) => (
              <Tag key={n}>{n}</Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t("host.allComponents")}</Typography.Text>
        ),
    },
    {
      title: t("host.hostKey"),
      dataIndex: "hostKeyFingerprint",
      render: (fp: string | null) =>
        fp ? (
          <Typography.Text code ellipsis={{ tooltip: fp }} style={{ fontSize: 12, maxWidth: 160 }}>
            {fp}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t("host.hostKeyNotPinnedShort")}</Typography.Text>
        ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 1,
      render: (_, h) => (
        <Space size="small" wrap={false}>
          <HostExtraActions host={h} environmentName={environment.name} />
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => props.onEdit(h)}
            aria-label={`${t("common.edit")} ${h.name}`}
          >
            {t("common.edit")}
          </Button>
          <Popconfirm
            title={t("common.confirmDelete", { name: h.name })}
            okText={t("common.delete")}
            cancelText={t("common.cancel")}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              run(() => api("DELETE", `/api/v1/hosts/${h.id}`), { success: t("common.deleted") })
            }
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t("common.delete")} ${h.name}`}
            />
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Table<HostRow>
      rowKey="id"
      size="small"
      data-testid={`hosts-${environment.name}`}
      dataSource={environment.hosts}
      columns={columns}
      pagination={false}
      locale={{
        emptyText: (
          <Empty description={t("host.emptyHint")}>
            <Button icon={<PlusOutlined />} onClick={props.onAdd}>
              {t("host.add")}
            </Button>
          </Empty>
        ),
      }}
    />
  );
}
