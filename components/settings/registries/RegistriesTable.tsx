"use client";

import { Form, Input, Typography } from "antd";
import { useI18n } from "@/components/providers/I18nProvider";
import { SecretFormItem, SecretStatus, SettingsBreadcrumb } from "@/components/settings/form-parts";
import { ResourceTable } from "@/components/settings/ResourceTable";

export type RegistryRow = {
  id: string;
  name: string;
  url: string;
  username: string;
  passwordSet: boolean;
  environments: string[];
};
type Values = { name: string; url: string; username: string; password?: string };

export function RegistriesTable({ items }: { items: RegistryRow[] }) {
  const { t } = useI18n();
  const required = { required: true, message: t("common.required") };
  return (
    <>
      <SettingsBreadcrumb items={[{ title: t("registry.title") }]} />
      <ResourceTable<RegistryRow, Values>
        title={t("registry.title")}
        apiBase="/api/v1/registries"
        items={items}
        drawerSize="default"
        emptyHint={t("registry.emptyHint")}
        nameOf={(r) => r.name}
        columns={[
          { title: t("common.name"), dataIndex: "name", render: (n: string) => <strong>{n}</strong> },
          {
            title: t("registry.url"),
            dataIndex: "url",
            render: (u: string) => <Typography.Text code>{u}</Typography.Text>,
          },
          {
            title: t("registry.username"),
            dataIndex: "username",
            render: (u: string) =>
              u || <Typography.Text type="secondary">{t("registry.anonymous")}</Typography.Text>,
          },
          {
            title: t("auth.password"),
            dataIndex: "passwordSet",
            render: (set: boolean) => <SecretStatus set={set} />,
          },
          {
            title: t("registry.usedBy"),
            dataIndex: "environments",
            render: (envs: string[]) =>
              envs.length ? (
                envs.join(", ")
              ) : (
                <Typography.Text type="secondary">{t("common.none")}</Typography.Text>
              ),
          },
        ]}
        toFormValues={(r) => ({
          name: r?.name ?? "",
          url: r?.url ?? "",
          username: r?.username ?? "",
          password: "",
        })}
        toInput={(v) => ({
          name: v.name.trim(),
          url: v.url.trim(),
          username: (v.username ?? "").trim(),
          // empty on edit = keep the stored password
          ...(v.password ? { password: v.password } : {}),
        })}
        renderForm={(_form, editing) => (
          <>
            <Form.Item name="name" label={t("common.name")} rules={[required]}>
              <Input autoComplete="off" placeholder="harbor" />
            </Form.Item>
            <Form.Item
              name="url"
              label={t("registry.url")}
              extra={t("registry.urlHelp")}
              rules={[
                required,
                {
                  pattern: /^([a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?|\[[0-9a-fA-F:]+\])(:[0-9]{1,5})?$/,
                  message: t("registry.urlInvalid"),
                },
              ]}
            >
              <Input autoComplete="off" placeholder="harbor.local:5000" />
            </Form.Item>
            <Form.Item name="username" label={t("registry.username")} extra={t("registry.usernameHelp")}>
              <Input autoComplete="off" />
            </Form.Item>
            <SecretFormItem
              name="password"
              label={t("auth.password")}
              storedSet={editing ? editing.passwordSet : null}
              requiredOnCreate={false}
            />
          </>
        )}
      />
    </>
  );
}
