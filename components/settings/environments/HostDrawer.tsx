"use client";

import { Col, Form, type FormInstance, Input, InputNumber, Row, Select, Typography } from "antd";
import { useI18n } from "@/components/providers/I18nProvider";
import { SecretFormItem } from "@/components/settings/form-parts";
import { ResourceDrawer } from "@/components/settings/ResourceTable";
import { CONTAINER_CLIS, HOST_AUTH_METHODS, type TContainerCli } from "@/lib/domain/enums";
import type { ComponentNameOption, HostRow } from "./types";

export type HostValues = {
  name: string;
  address: string;
  port: number | null;
  username: string;
  authMethod: "password" | "key";
  secret?: string;
  containerCli: TContainerCli;
  components: string[];
};

export function hostFormValues(host: HostRow | null): HostValues {
  return {
    name: host?.name ?? "",
    address: host?.address ?? "",
    port: host?.port ?? 22,
    username: host?.username ?? "",
    authMethod: host?.authMethod ?? "password",
    secret: "",
    containerCli: host?.containerCli ?? "docker",
    components: host?.components ?? [],
  };
}

/** The add / edit form of one host of an environment. */
export function HostDrawer(props: {
  form: FormInstance<HostValues>;
  open: boolean;
  onClose: () => void;
  environment: { id: string; name: string } | null;
  editing: HostRow | null;
  componentNames: ComponentNameOption[];
  onSaved?: () => void;
}) {
  const { t } = useI18n();
  const { editing, environment } = props;
  return (
    <ResourceDrawer<HostValues>
      form={props.form}
      open={props.open}
      onClose={props.onClose}
      onSaved={props.onSaved}
      title={
        editing
          ? `${t("common.edit")} ${editing.name}`
          : t("host.addTo", { environment: environment?.name ?? "" })
      }
      method={editing ? "PUT" : "POST"}
      url={editing ? `/api/v1/hosts/${editing.id}` : "/api/v1/hosts"}
      toInput={(v) => ({
        environmentId: editing?.environmentId ?? environment?.id,
        name: v.name.trim(),
        address: v.address.trim(),
        port: v.port ?? 22,
        username: v.username.trim(),
        authMethod: v.authMethod,
        // empty on edit = keep the stored secret
        ...(v.secret ? { secret: v.authMethod === "key" ? `${v.secret.trim()}\n` : v.secret } : {}),
        containerCli: v.containerCli,
        components: v.components ?? [],
      })}
    >
      <HostFormFields editing={editing} componentNames={props.componentNames} />
    </ResourceDrawer>
  );
}

function HostFormFields({
  editing,
  componentNames,
}: {
  editing: HostRow | null;
  componentNames: ComponentNameOption[];
}) {
  const { t } = useI18n();
  const authMethod = Form.useWatch<HostValues["authMethod"] | undefined>("authMethod");
  const required = { required: true, message: t("common.required") };
  // Switching between password and key needs the new kind of secret: the stored one is the other kind.
  const storedSet = editing ? (editing.authMethod === authMethod ? editing.secretSet : false) : null;
  return (
    <>
      <Form.Item name="name" label={t("common.name")} extra={t("host.nameHelp")} rules={[required]}>
        <Input autoComplete="off" placeholder="app-1.test.local" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item
            name="address"
            label={t("host.address")}
            rules={[
              required,
              {
                pattern: /^(\[[0-9a-fA-F:]+\]|[a-zA-Z0-9]([a-zA-Z0-9.-]{0,252}[a-zA-Z0-9])?|[0-9a-fA-F:]+)$/,
                message: t("host.addressInvalid"),
              },
            ]}
          >
            <Input autoComplete="off" placeholder="10.0.1.15" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="port" label={t("host.port")} rules={[required]}>
            <InputNumber min={1} max={65535} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="username" label={t("host.username")} rules={[required]}>
            <Input autoComplete="off" placeholder="deploy" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="authMethod" label={t("host.authMethod")}>
            <Select
              options={HOST_AUTH_METHODS.map((m) => ({ value: m, label: t(`host.authMethods.${m}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <SecretFormItem
        name="secret"
        label={authMethod === "key" ? t("host.privateKey") : t("auth.password")}
        storedSet={storedSet}
        // a new host, or a switch between password and key: the stored secret cannot be kept
        required={storedSet !== true}
        multiline={authMethod === "key"}
        placeholder={authMethod === "key" ? "-----BEGIN OPENSSH PRIVATE KEY-----" : undefined}
        extraRules={
          authMethod === "key"
            ? [
                {
                  validator: (_, value: string | undefined) =>
                    !value || /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("host.privateKeyInvalid"))),
                },
              ]
            : []
        }
      />
      <Form.Item name="containerCli" label={t("host.containerCli")}>
        <Select options={CONTAINER_CLIS.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item name="components" label={t("host.components")} extra={t("host.componentsHelp")}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t("host.allComponents")}
          options={componentNames.map((c) => ({
            value: c.name,
            label: c.products.length ? `${c.name} (${c.products.join(", ")})` : c.name,
          }))}
          showSearch={{ optionFilterProp: "label" }}
        />
      </Form.Item>
      {editing && (
        <Form.Item label={t("host.hostKey")} extra={t("host.hostKeyHelp")}>
          {editing.hostKeyFingerprint ? (
            <Typography.Text code copyable data-testid="host-key-fingerprint">
              {editing.hostKeyFingerprint}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t("host.hostKeyNotPinned")}</Typography.Text>
          )}
        </Form.Item>
      )}
    </>
  );
}
