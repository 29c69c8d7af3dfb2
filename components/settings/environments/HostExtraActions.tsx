"use client";

import { ApiOutlined, KeyOutlined } from "@ant-design/icons";
import { App, Button, Popconfirm, Space } from "antd";
import { api } from "@/components/api-client";
import { useI18n } from "@/components/providers/I18nProvider";
import { useApiAction } from "@/components/settings/use-api-action";
import type { ConnectionReport } from "@/lib/environments/test-connection";
import type { HostRow } from "./types";

/** Per-host actions before Edit / Delete: test the SSH connection, forget a pinned host key. */
export function HostExtraActions({ host }: { host: HostRow; environmentName: string }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const test = useApiAction();
  const forget = useApiAction();

  async function testConnection() {
    const report = await test.run(() => api<ConnectionReport>("POST", `/api/v1/hosts/${host.id}/test`));
    if (!report) return;
    const lines = [
      report.cliVersion ? t("host.testCli", { version: report.cliVersion }) : undefined,
      report.fingerprint
        ? `${t("host.hostKey")}: ${report.fingerprint}${report.pinned ? ` (${t("host.testPinned")})` : ""}`
        : undefined,
      report.error,
    ].filter(Boolean);
    (report.ok ? modal.success : modal.error)({
      title: report.ok ? t("host.testOk", { name: host.name }) : t("host.testFailed", { name: host.name }),
      content: (
        <div data-testid="connection-report">
          {lines.map((l) => (
            <div key={l}>{l}</div>
          ))}
        </div>
      ),
    });
  }

  return (
    <Space size="small">
      <Button size="small" icon={<ApiOutlined />} loading={test.busy} onClick={testConnection}>
        {t("host.testConnection")}
      </Button>
      {host.hostKeyFingerprint && (
        <Popconfirm
          title={t("host.forgetKeyConfirm")}
          okText={t("host.forgetKey")}
          cancelText={t("common.cancel")}
          onConfirm={() =>
            forget.run(() => api("POST", `/api/v1/hosts/${host.id}/forget-key`), {
              success: t("common.saved"),
            })
          }
        >
          <Button size="small" icon={<KeyOutlined />} aria-label={t("host.forgetKey")} />
        </Popconfirm>
      )}
    </Space>
  );
}
