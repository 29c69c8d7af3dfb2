"use client";

import {
  AppstoreOutlined,
  AuditOutlined,
  BranchesOutlined,
  CloudServerOutlined,
  CodeOutlined,
  ContainerOutlined,
  DatabaseOutlined,
  GitlabOutlined,
  KeyOutlined,
  LogoutOutlined,
  NotificationOutlined,
  SettingOutlined,
  SyncOutlined,
  TagsOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Button, Dropdown, Layout, Menu, type MenuProps, Space, Typography } from "antd";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { api } from "@/components/api-client";
import { useI18n } from "@/components/providers/I18nProvider";
import type { TRole } from "@/lib/domain/enums";
import { LanguageSwitch } from "./LanguageSwitch";

type Props = { user: { username: string; role: TRole }; children: ReactNode };

export function AppShell({ user, children }: Props) {
  const { t } = useI18n();
  const pathname = usePathname();
  const router = useRouter();
  const isAdmin = user.role === "admin";

  const item = (href: string, label: string, icon: ReactNode) => ({
    key: href,
    icon,
    label: <Link href={href}>{label}</Link>,
  });
  const items: MenuProps["items"] = [
    item("/environments", t("nav.environments"), <CloudServerOutlined />),
    item("/releases", t("nav.releases"), <TagsOutlined />),
    item("/features", t("nav.features"), <BranchesOutlined />),
    item("/tasks", t("nav.tasks"), <UnorderedListOutlined />),
    {
      key: "settings",
      icon: <SettingOutlined />,
      label: t("nav.settings"),
      children: [
        ...(isAdmin
          ? [
              item("/settings/products", t("nav.products"), <AppstoreOutlined />),
              item("/settings/environments", t("nav.environmentsConfig"), <ContainerOutlined />),
              item("/settings/registries", t("nav.registries"), <DatabaseOutlined />),
              item("/settings/tapd", t("tapd.title"), <SyncOutlined />),
              item("/settings/gitlab", t("gitlab.navIntegrations"), <GitlabOutlined />),
              item("/settings/gitlab/events", t("gitlab.navEvents"), <NotificationOutlined />),
              item("/settings/ci-templates", t("cci.nav"), <CodeOutlined />),
              item("/settings/users", t("nav.users"), <TeamOutlined />),
              item("/settings/audit", t("nav.audit"), <AuditOutlined />),
            ]
          : []),
        item("/settings/tokens", t("nav.tokens"), <KeyOutlined />),
      ],
    },
  ];
  const selected = findSelected(items, pathname);

  async function signOut() {
    await api("POST", "/api/auth/logout");
    router.replace("/login");
    router.refresh();
  }

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider theme="light" width={220} breakpoint="lg" collapsedWidth={56}>
        <Link href="/" style={{ display: "block", padding: "16px 24px" }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            tao
          </Typography.Title>
        </Link>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={["settings"]}
          items={items}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: "#fff",
            display: "flex",
            justifyContent: "flex-end",
            alignItems: "center",
            gap: 16,
          }}
        >
          <LanguageSwitch />
          <Dropdown
            menu={{
              items: [{ key: "logout", icon: <LogoutOutlined />, label: t("nav.signOut"), onClick: signOut }],
            }}
          >
            <Button type="text" data-testid="user-menu">
              <Space>
                <UserOutlined />
                {user.username}
                <Typography.Text type="secondary">{t(`roles.${user.role}`)}</Typography.Text>
              </Space>
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}

function findSelected(items: MenuProps["items"], pathname: string): string | undefined {
  let best: string | undefined;
  for (const entry of items ?? []) {
    if (!entry || !("key" in entry)) continue;
    const key = String(entry.key);
    if (key.startsWith("/") && (pathname === key || pathname.startsWith(`${key}/`))) {
      if (!best || key.length > best.length) best = key;
    }
    if ("children" in entry && entry.children) {
      const child = findSelected(entry.children as MenuProps["items"], pathname);
      if (child && (!best || child.length > best.length)) best = child;
    }
  }
  return best;
}
