"use client";

import { Form, Input, Select, Switch, Tag, Typography } from "antd";
import { useI18n } from "@/components/providers/I18nProvider";
import { SecretFormItem, SettingsBreadcrumb } from "@/components/settings/form-parts";
import { ResourceTable } from "@/components/settings/ResourceTable";
import { ROLES, type TRole } from "@/lib/domain/enums";

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  role: TRole;
  disabled: boolean;
  createdAt: string;
};
type Values = { username: string; displayName: string; role: TRole; password?: string; disabled: boolean };

const ROLE_COLORS: Record<TRole, string> = { admin: "red", deployer: "blue", viewer: "default" };

export function UsersTable({ items, currentUserId }: { items: UserRow[]; currentUserId: string }) {
  const { t, dateTime } = useI18n();
  const required = { required: true, message: t("common.required") };
  return (
    <>
      <SettingsBreadcrumb items={[{ title: t("user.title") }]} />
      <ResourceTable<UserRow, Values>
        title={t("user.title")}
        apiBase="/api/v1/users"
        items={items}
        drawerSize="default"
        emptyHint={t("user.emptyHint")}
        nameOf={(u) => u.username}
        columns={[
          {
            title: t("auth.username"),
            dataIndex: "username",
            render: (name: string, u) => (
              <>
                <strong>{name}</strong>
                {u.id === currentUserId && (
                  <Tag style={{ marginLeft: 8 }} color="processing">
                    {t("user.you")}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t("user.displayName"), dataIndex: "displayName" },
          {
            title: t("user.role"),
            dataIndex: "role",
            render: (r: TRole) => <Tag color={ROLE_COLORS[r]}>{t(`roles.${r}`)}</Tag>,
          },
          {
            title: t("user.status"),
            dataIndex: "disabled",
            render: (d: boolean) =>
              d ? (
                <Tag color="default">{t("user.disabled")}</Tag>
              ) : (
                <Tag color="green">{t("user.active")}</Tag>
              ),
          },
          {
            title: t("common.createdAt"),
            dataIndex: "createdAt",
            render: (v: string) => (
              <Typography.Text style={{ whiteSpace: "nowrap" }}>{dateTime(v)}</Typography.Text>
            ),
          },
        ]}
        toFormValues={(u) => ({
          username: u?.username ?? "",
          displayName: u?.displayName ?? "",
          role: u?.role ?? "viewer",
          password: "",
          disabled: u?.disabled ?? false,
        })}
        toInput={(v) => ({
          username: v.username.trim(),
          displayName: (v.displayName ?? "").trim(),
          role: v.role,
          disabled: v.disabled ?? false,
          // empty on edit = keep the current password
          ...(v.password ? { password: v.password } : {}),
        })}
        renderForm={(_form, editing) => (
          <>
            <Form.Item
              name="username"
              label={t("auth.username")}
              extra={t("user.usernameHelp")}
              rules={[
                required,
                { pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.@-]{1,63}$/, message: t("user.usernameInvalid") },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="displayName" label={t("user.displayName")}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="role" label={t("user.role")} extra={t("user.roleHelp")}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
            <SecretFormItem
              name="password"
              label={t("auth.password")}
              storedSet={editing ? true : null}
              extraRules={[{ min: 8, message: t("user.passwordTooShort") }]}
            />
            <Form.Item
              name="disabled"
              label={t("user.disabled")}
              valuePropName="checked"
              extra={t("user.disabledHelp")}
            >
              <Switch />
            </Form.Item>
          </>
        )}
      />
    </>
  );
}
