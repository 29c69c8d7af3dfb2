"use client";

import { ApiOutlined, CloudSyncOutlined, SyncOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Switch } from "antd";
import { api } from "@/components/api-client";
import { useI18n } from "@/components/providers/I18nProvider";
import { SecretFormItem } from "@/components/settings/form-parts";
import { useApiAction } from "@/components/settings/use-api-action";
import type { TapdSettingsValues } from "./types";

type Values = Omit<TapdSettingsValues, "passwordSet"> & { apiPassword?: string };
const IDS_RE = /^(\d{1,20}(\s*,\s*\d{1,20})*)?$/;

/** The TAPD connection: address, API user and password, what to sync, how often; test and sync now. */
export function ConnectionForm(props: { settings: TapdSettingsValues; onSyncQueued: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, busy } = useApiAction();
  const configured = props.settings.passwordSet && props.settings.apiUser !== "";

  async function save(values: Values) {
    const result = await run(
      () =>
        api<{ schedule: { everyMinutes: number | null } }>("PUT", "/api/v1/tapd/settings", {
          ...values,
          apiPassword: values.apiPassword || undefined,
        }),
      { form },
    );
    if (!result) return;
    const minutes = result.schedule.everyMinutes;
    message.success(minutes ? t("tapd.connection.savedOn", { minutes }) : t("tapd.connection.savedOff"));
    form.setFieldValue("apiPassword", "");
  }

  async function test() {
    const result = await run(() =>
      api<{ ok: boolean; message: string }>("POST", "/api/v1/tapd/settings/test"),
    );
    if (result?.ok) message.success(result.message);
    else if (result) message.error(result.message);
  }

  async function sync(full: boolean) {
    const result = await run(() => api<{ queued: boolean }>("POST", "/api/v1/tapd/sync", { full }));
    if (!result) return;
    if (result.queued) message.success(t("tapd.connection.syncQueued"));
    else message.info(t("tapd.connection.syncAlreadyQueued"));
    props.onSyncQueued();
  }

  const required = { required: true, message: t("common.required") };
  return (
    <Card>
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ ...props.settings, apiPassword: "" }}
        onFinish={save}
        disabled={busy}
      >
        <Form.Item
          name="enabled"
          label={t("tapd.connection.enabled")}
          extra={t("tapd.connection.enabledHelp")}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="baseUrl"
          label={t("tapd.connection.baseUrl")}
          extra={t("tapd.connection.baseUrlHelp")}
          rules={[required, { pattern: /^https?:\/\/\S+$/, message: t("tapd.connection.baseUrlHelp") }]}
        >
          <Input autoComplete="off" placeholder="https://api.tapd.cn" />
        </Form.Item>
        <Form.Item name="apiUser" label={t("tapd.connection.apiUser")} rules={[required]}>
          <Input autoComplete="off" />
        </Form.Item>
        <SecretFormItem
          name="apiPassword"
          label={t("tapd.connection.apiPassword")}
          storedSet={props.settings.passwordSet ? true : null}
        />
        <Form.Item
          name="companyId"
          label={t("tapd.connection.companyId")}
          extra={t("tapd.connection.companyIdHelp")}
          rules={[{ pattern: /^\d{0,20}$/, message: t("tapd.connection.idsInvalid") }]}
        >
          <Input autoComplete="off" placeholder="20001234" />
        </Form.Item>
        <Form.Item
          name="workspaceIds"
          label={t("tapd.connection.workspaceIds")}
          extra={t("tapd.connection.workspaceIdsHelp")}
          dependencies={["companyId"]}
          rules={[
            { pattern: IDS_RE, message: t("tapd.connection.idsInvalid") },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                getFieldValue("companyId") || value?.trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("tapd.connection.companyOrWorkspaces"))),
            }),
          ]}
        >
          <Input autoComplete="off" placeholder="20001234, 20005678" />
        </Form.Item>
        <Form.Item name="intervalMinutes" label={t("tapd.connection.intervalMinutes")} rules={[required]}>
          <InputNumber min={1} max={1440} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t("common.save")}
          </Button>
          <Button icon={<ApiOutlined />} onClick={test} disabled={!configured}>
            {t("tapd.connection.test")}
          </Button>
          <Button
            icon={<SyncOutlined />}
            onClick={() => sync(false)}
            disabled={!configured}
            data-testid="tapd-sync-now"
          >
            {t("tapd.connection.syncNow")}
          </Button>
          <Popconfirm
            title={t("tapd.connection.fullSyncConfirm")}
            onConfirm={() => sync(true)}
            disabled={!configured}
          >
            <Button icon={<CloudSyncOutlined />} disabled={!configured}>
              {t("tapd.connection.fullSync")}
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}
