"use client";

import { Col, Divider, Form, Input, InputNumber, Row, Select, Tag, Typography } from "antd";
import { useI18n } from "@/components/providers/I18nProvider";
import {
  cleanList,
  type KeyValue,
  KeyValueListField,
  recordIssueField,
  recordToRows,
  rowsToRecord,
  StringListField,
} from "@/components/settings/form-parts";
import { ResourceTable } from "@/components/settings/ResourceTable";
import { LAYERS, type TLayer } from "@/lib/domain/enums";
import type { THealthCheck } from "@/lib/domain/health-check";
import { CONTAINER_NAME_RE } from "@/lib/domain/names";
import {
  ENV_KEY_RE,
  LOG_OPT_KEY_RE,
  MEMORY_RE,
  NETWORK_RE,
  RESTART_RE,
  type TRunOptions,
} from "@/lib/domain/run-options";

export type ComponentRow = {
  id: string;
  name: string;
  image: string;
  layer: TLayer;
  sortOrder: number;
  runOptions: TRunOptions;
  healthCheck: THealthCheck;
  gitlabPath: string | null;
};

const HEALTH_KINDS = ["none", "running", "tcp", "http"] as const;
type HealthKind = (typeof HEALTH_KINDS)[number];

type Values = {
  name: string;
  image: string;
  layer: TLayer;
  sortOrder: number | null;
  healthCheck: {
    kind: HealthKind;
    seconds?: number | null;
    port?: number | null;
    timeoutSeconds?: number | null;
    url?: string;
    expectStatus?: number | null;
  };
  runOptions: {
    memory: string;
    network: string;
    restart: string;
    logOptions: KeyValue[];
    env: KeyValue[];
    volumes: string[];
    ports: string[];
    extraArgs: string[];
    command: string[];
  };
  gitlabPath: string;
};

const num = (v: number | null | undefined) => (typeof v === "number" ? v : undefined);

function toHealthCheck(h: Values["healthCheck"]): unknown {
  switch (h.kind) {
    case "running":
      return { kind: "running", seconds: num(h.seconds) };
    case "tcp":
      return { kind: "tcp", port: num(h.port), timeoutSeconds: num(h.timeoutSeconds) };
    case "http":
      return {
        kind: "http",
        url: (h.url ?? "").trim(),
        expectStatus: num(h.expectStatus),
        timeoutSeconds: num(h.timeoutSeconds),
      };
    default:
      return { kind: "none" };
  }
}

/** One line per component in the table: "HTTP http://…/health → 200". */
export function HealthSummary({ check }: { check: THealthCheck }) {
  const { t } = useI18n();
  switch (check.kind) {
    case "running":
      return <span>{t("component.healthRunningSummary", { seconds: check.seconds })}</span>;
    case "tcp":
      return <span>{t("component.healthTcpSummary", { port: check.port })}</span>;
    case "http":
      return (
        <span>
          HTTP <Typography.Text code>{check.url}</Typography.Text>
          {check.expectStatus ? ` → ${check.expectStatus}` : ""}
        </span>
      );
    default:
      return <Typography.Text type="secondary">{t("component.healthKinds.none")}</Typography.Text>;
  }
}

const LAYER_COLORS: Record<TLayer, string> = {
  "shared-middleware": "purple",
  "env-middleware": "geekblue",
  app: "green",
};

export function ComponentsTable({ productId, items }: { productId: string; items: ComponentRow[] }) {
  const { t } = useI18n();
  return (
    <ResourceTable<ComponentRow, Values>
      title={t("component.title")}
      bordered={false}
      apiBase="/api/v1/components"
      items={items}
      createLabel={t("component.add")}
      emptyHint={t("component.emptyHint")}
      nameOf={(c) => c.name}
      columns={[
        { title: t("common.name"), dataIndex: "name" },
        {
          title: t("component.image"),
          dataIndex: "image",
          render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
        },
        {
          title: t("component.layer"),
          dataIndex: "layer",
          render: (l: TLayer) => <Tag color={LAYER_COLORS[l]}>{t(`layers.${l}`)}</Tag>,
        },
        { title: t("component.sortOrder"), dataIndex: "sortOrder", align: "right" },
        {
          title: t("component.healthCheck"),
          key: "health",
          render: (_, c) => <HealthSummary check={c.healthCheck} />,
        },
      ]}
      toFormValues={(c) => {
        const h = c?.healthCheck ?? { kind: "none" as const };
        const r = c?.runOptions;
        return {
          name: c?.name ?? "",
          image: c?.image ?? "",
          layer: c?.layer ?? "app",
          sortOrder: c?.sortOrder ?? (items.length ? Math.max(...items.map((i) => i.sortOrder)) + 1 : 0),
          healthCheck: {
            kind: h.kind,
            seconds: h.kind === "running" ? h.seconds : 5,
            port: h.kind === "tcp" ? h.port : null,
            timeoutSeconds: h.kind === "tcp" || h.kind === "http" ? h.timeoutSeconds : 30,
            url: h.kind === "http" ? h.url : "",
            expectStatus: h.kind === "http" ? (h.expectStatus ?? null) : null,
          },
          runOptions: {
            memory: r?.memory ?? "3g",
            network: r?.network ?? "host",
            restart: r?.restart ?? "on-failure:10",
            logOptions: recordToRows(r?.logOptions ?? { "max-size": "256m" }),
            env: recordToRows(r?.env),
            volumes: r?.volumes ?? [],
            ports: r?.ports ?? [],
            extraArgs: r?.extraArgs ?? [],
            command: r?.command ?? [],
          },
          gitlabPath: c?.gitlabPath ?? "",
        };
      }}
      toInput={(v) => ({
        productId,
        name: v.name.trim(),
        image: v.image.trim(),
        layer: v.layer,
        sortOrder: num(v.sortOrder) ?? 0,
        healthCheck: toHealthCheck(v.healthCheck),
        runOptions: {
          memory: v.runOptions.memory.trim(),
          network: v.runOptions.network.trim(),
          restart: v.runOptions.restart.trim(),
          logOptions: rowsToRecord(v.runOptions.logOptions),
          env: rowsToRecord(v.runOptions.env),
          volumes: cleanList(v.runOptions.volumes),
          ports: cleanList(v.runOptions.ports),
          extraArgs: cleanList(v.runOptions.extraArgs),
          // arguments may be meant to be empty strings or have spaces: keep them, drop only unset rows
          command: (v.runOptions.command ?? []).filter((s) => typeof s === "string"),
        },
        gitlabPath: v.gitlabPath?.trim() ? v.gitlabPath.trim() : null,
      })}
      fieldOf={(path, form) =>
        recordIssueField(
          ["runOptions", "env"],
          path,
          form.getFieldValue(["runOptions", "env"]),
          ENV_KEY_RE,
        ) ??
        recordIssueField(
          ["runOptions", "logOptions"],
          path,
          form.getFieldValue(["runOptions", "logOptions"]),
          LOG_OPT_KEY_RE,
        )
      }
      renderForm={() => <ComponentFormFields />}
    />
  );
}

function ComponentFormFields() {
  const { t } = useI18n();
  const kind = Form.useWatch<HealthKind | undefined>(["healthCheck", "kind"]);
  const required = { required: true, message: t("common.required") };
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t("common.name")}
            extra={t("component.nameHelp")}
            rules={[required, { pattern: CONTAINER_NAME_RE, message: t("component.nameInvalid") }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="image"
            label={t("component.image")}
            extra={t("component.imageHelp")}
            rules={[required]}
          >
            <Input autoComplete="off" placeholder="registry.local:5000/team/app" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="layer" label={t("component.layer")} extra={t("component.layerHelp")}>
            <Select options={LAYERS.map((l) => ({ value: l, label: t(`layers.${l}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sortOrder" label={t("component.sortOrder")} extra={t("component.sortOrderHelp")}>
            <InputNumber min={0} max={10_000} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="gitlabPath"
            label={t("component.gitlabPath")}
            extra={t("component.gitlabPathHelp")}
          >
            <Input autoComplete="off" placeholder="group/project" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t("component.healthCheck")}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={["healthCheck", "kind"]} label={t("component.healthKind")}>
            <Select
              options={HEALTH_KINDS.map((k) => ({ value: k, label: t(`component.healthKinds.${k}`) }))}
            />
          </Form.Item>
        </Col>
        {kind === "running" && (
          <Col xs={24} md={8}>
            <Form.Item
              name={["healthCheck", "seconds"]}
              label={t("component.healthSeconds")}
              rules={[required]}
            >
              <InputNumber min={1} max={600} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        )}
        {kind === "tcp" && (
          <Col xs={24} md={8}>
            <Form.Item name={["healthCheck", "port"]} label={t("component.healthPort")} rules={[required]}>
              <InputNumber min={1} max={65535} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        )}
        {kind === "http" && (
          <>
            <Col xs={24} md={16}>
              <Form.Item
                name={["healthCheck", "url"]}
                label={t("component.healthUrl")}
                extra={t("component.healthUrlHelp")}
                rules={[required, { pattern: /^https?:\/\/\S+$/, message: t("component.healthUrlInvalid") }]}
              >
                <Input autoComplete="off" placeholder="http://127.0.0.1:8080/health" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name={["healthCheck", "expectStatus"]}
                label={t("component.healthExpectStatus")}
                extra={t("component.healthExpectStatusHelp")}
              >
                <InputNumber min={100} max={599} precision={0} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          </>
        )}
        {(kind === "tcp" || kind === "http") && (
          <Col xs={24} md={8}>
            <Form.Item
              name={["healthCheck", "timeoutSeconds"]}
              label={t("component.healthTimeout")}
              rules={[required]}
            >
              <InputNumber min={1} max={600} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        )}
      </Row>

      <Divider titlePlacement="start">{t("component.runOptions")}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name={["runOptions", "memory"]}
            label={t("component.memory")}
            extra={t("component.memoryHelp")}
            rules={[required, { pattern: MEMORY_RE, message: t("component.memoryInvalid") }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={["runOptions", "network"]}
            label={t("component.network")}
            extra={t("component.networkHelp")}
            rules={[required, { pattern: NETWORK_RE, message: t("component.networkInvalid") }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={["runOptions", "restart"]}
            label={t("component.restart")}
            extra={t("component.restartHelp")}
            rules={[required, { pattern: RESTART_RE, message: t("component.restartInvalid") }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <KeyValueListField
        id="env"
        name={["runOptions", "env"]}
        label={t("component.env")}
        addLabel={t("component.addEnv")}
        keyPlaceholder="JAVA_OPTS"
        valuePlaceholder="-Xmx1g"
        keyPattern={{ re: ENV_KEY_RE, message: t("component.envKeyInvalid") }}
      />
      <StringListField
        name={["runOptions", "volumes"]}
        label={t("component.volumes")}
        help={t("component.volumesHelp")}
        placeholder="/srv/app/data:/data"
        addLabel={t("component.addVolume")}
      />
      <StringListField
        name={["runOptions", "ports"]}
        label={t("component.ports")}
        help={t("component.portsHelp")}
        placeholder="8080:80"
        addLabel={t("component.addPort")}
      />
      <KeyValueListField
        id="log"
        name={["runOptions", "logOptions"]}
        label={t("component.logOptions")}
        help={t("component.logOptionsHelp")}
        addLabel={t("component.addLogOption")}
        keyPlaceholder="max-size"
        valuePlaceholder="256m"
        keyPattern={{ re: LOG_OPT_KEY_RE, message: t("component.logOptionKeyInvalid") }}
      />
      <StringListField
        name={["runOptions", "extraArgs"]}
        label={t("component.extraArgs")}
        help={t("component.extraArgsHelp")}
        placeholder="--cap-add=NET_ADMIN"
        addLabel={t("component.addExtraArg")}
      />
      <StringListField
        name={["runOptions", "command"]}
        label={t("component.command")}
        help={t("component.commandHelp")}
        placeholder="--port=8080"
        addLabel={t("component.addCommandArg")}
      />
    </>
  );
}
