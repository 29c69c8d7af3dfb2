"use client";

import { EyeOutlined, HistoryOutlined } from "@ant-design/icons";
import { Button, Card, Drawer, Form, Input, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "@/components/api-client";
import { useI18n } from "@/components/providers/I18nProvider";
import {
  type KeyValue,
  KeyValueListField,
  recordToRows,
  rowsToRecord,
  SettingsBreadcrumb,
} from "@/components/settings/form-parts";
import { ResourceTable } from "@/components/settings/ResourceTable";
import { useApiAction } from "@/components/settings/use-api-action";

export type TemplateRow = {
  id: string;
  name: string;
  description: string;
  namespacePattern: string;
  projectPattern: string;
  branchPattern: string;
  body: string;
  variables: Record<string, string>;
  version: number;
  updatedAt: string;
};

type Values = Omit<TemplateRow, "id" | "version" | "updatedAt" | "variables"> & { variables: KeyValue[] };
type Revision = {
  id: number;
  version: number;
  action: "create" | "update" | "delete";
  authorName: string;
  at: string;
  diff: string;
};

const mono = { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", fontSize: 12 };

function DiffView({ diff }: { diff: string }) {
  return (
    <pre style={{ ...mono, background: "#f6f8fa", padding: 8, overflow: "auto", maxHeight: 400, margin: 0 }}>
      {diff.split("\n").map((line, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a static text
          key={i}
          style={{
            color: line.startsWith("+")
              ? "#1a7f37"
              : line.startsWith("-")
                ? "#cf222e"
                : line.startsWith("@@")
                  ? "#8250df"
                  : undefined,
          }}
        >
          {line || " "}
        </div>
      ))}
    </pre>
  );
}

export function TemplatesTable({ items, defaultBody }: { items: TemplateRow[]; defaultBody: string }) {
  const { t, dateTime } = useI18n();
  const { run } = useApiAction();
  const [history, setHistory] = useState<{ name: string; items: Revision[] } | null>(null);
  const [preview, setPreview] = useState<{ template: string; script: string } | null>(null);
  const [previewForm] = Form.useForm<{ namespace: string; project: string; branch: string }>();

  async function showHistory(row: TemplateRow) {
    const res = await run(() => api<{ items: Revision[] }>("GET", `/api/v1/cci/templates/${row.id}/history`));
    if (res) setHistory({ name: row.name, items: res.items });
  }

  async function showPreview(q: { namespace: string; project: string; branch: string }) {
    const res = await run(async () => {
      const r = await fetch(`/api/v1/cci/script?${new URLSearchParams(q)}`, { credentials: "same-origin" });
      const text = await r.text();
      if (!r.ok)
        throw new Error(
          (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? r.statusText,
        );
      return { template: decodeURIComponent(r.headers.get("x-tao-template") ?? ""), script: text };
    });
    if (res) setPreview(res);
  }

  const origin = typeof window === "undefined" ? "https://tao.example.com" : window.location.origin;
  const usage = [
    "before_script:",
    `  - curl -fsS -H "Authorization: Bearer $TAO_TOKEN" "${origin}/api/v1/cci/script?namespace=$CI_PROJECT_NAMESPACE&project=$CI_PROJECT_NAME&branch=$CI_COMMIT_REF_NAME" -o cci.sh && source ./cci.sh`,
  ].join("\n");

  return (
    <>
      <SettingsBreadcrumb items={[{ title: t("cci.nav") }]} />
      <ResourceTable<TemplateRow, Values>
        title={t("cci.title")}
        apiBase="/api/v1/cci/templates"
        items={items}
        emptyHint={t("cci.emptyHint")}
        createLabel={t("cci.add")}
        nameOf={(r) => r.name}
        columns={[
          {
            title: t("common.name"),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                {r.name}
                {r.description && <Typography.Text type="secondary">{r.description}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t("cci.patterns"),
            render: (_, r) => (
              <code>
                {r.namespacePattern} / {r.projectPattern} @ {r.branchPattern}
              </code>
            ),
          },
          {
            title: t("cci.variables"),
            render: (_, r) => Object.keys(r.variables).map((k) => <Tag key={k}>{k}</Tag>),
          },
          { title: t("cci.version"), render: (_, r) => `v${r.version}` },
          { title: t("common.updatedAt"), render: (_, r) => dateTime(r.updatedAt) },
        ]}
        extraActions={(r) => (
          <Button size="small" icon={<HistoryOutlined />} onClick={() => showHistory(r)}>
            {t("cci.history")}
          </Button>
        )}
        toFormValues={(r) => ({
          name: r?.name ?? "",
          description: r?.description ?? "",
          namespacePattern: r?.namespacePattern ?? "*",
          projectPattern: r?.projectPattern ?? "*",
          branchPattern: r?.branchPattern ?? "*",
          body: r?.body ?? defaultBody,
          variables: recordToRows(r?.variables),
        })}
        toInput={(v) => ({ ...v, variables: rowsToRecord(v.variables) })}
        fieldOf={(path) => (path[0] === "variables" ? ["variables"] : undefined)}
        renderForm={() => (
          <>
            <Form.Item
              name="name"
              label={t("common.name")}
              rules={[{ required: true, message: t("common.required") }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="description" label={t("common.description")}>
              <Input />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t("cci.patternHelp")}</Typography.Paragraph>
            <Space wrap>
              <Form.Item
                name="namespacePattern"
                label={t("cci.namespacePattern")}
                rules={[{ required: true }]}
              >
                <Input style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="projectPattern" label={t("cci.projectPattern")} rules={[{ required: true }]}>
                <Input style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="branchPattern" label={t("cci.branchPattern")} rules={[{ required: true }]}>
                <Input style={{ width: 200 }} />
              </Form.Item>
            </Space>
            <KeyValueListField
              name={["variables"]}
              id="variables"
              label={t("cci.variables")}
              help={t("cci.variablesHelp")}
              addLabel={t("cci.addVariable")}
              keyPattern={{ re: /^[A-Za-z_][A-Za-z0-9_]*$/, message: t("cci.variableNameInvalid") }}
            />
            <Form.Item name="body" label={t("cci.body")} help={t("cci.bodyHelp")}>
              <Input.TextArea autoSize={{ minRows: 16, maxRows: 40 }} style={mono} spellCheck={false} />
            </Form.Item>
          </>
        )}
        drawerSize={900}
      />
      <Card title={t("cci.preview")} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t("cci.previewHelp")}</Typography.Paragraph>
        <Form layout="inline" form={previewForm} onFinish={showPreview} style={{ rowGap: 8 }}>
          <Form.Item name="namespace" rules={[{ required: true, message: t("common.required") }]}>
            <Input placeholder={t("cci.namespacePattern")} />
          </Form.Item>
          <Form.Item name="project" rules={[{ required: true, message: t("common.required") }]}>
            <Input placeholder={t("cci.projectPattern")} />
          </Form.Item>
          <Form.Item name="branch" rules={[{ required: true, message: t("common.required") }]}>
            <Input placeholder={t("cci.branchPattern")} />
          </Form.Item>
          <Button htmlType="submit" icon={<EyeOutlined />}>
            {t("cci.preview")}
          </Button>
        </Form>
        {preview && (
          <>
            <Typography.Paragraph strong style={{ marginTop: 16 }}>
              {t("cci.chosen", { name: preview.template })}
            </Typography.Paragraph>
            <pre style={{ ...mono, background: "#f6f8fa", padding: 12, maxHeight: 500, overflow: "auto" }}>
              {preview.script}
            </pre>
          </>
        )}
        <Typography.Paragraph strong style={{ marginTop: 16 }}>
          {t("cci.usage")}
        </Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: usage }}>
          <pre style={mono}>{usage}</pre>
        </Typography.Paragraph>
      </Card>
      <Drawer
        open={history !== null}
        onClose={() => setHistory(null)}
        size="large"
        title={history ? t("cci.historyOf", { name: history.name }) : ""}
      >
        <List
          dataSource={history?.items ?? []}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <Space direction="vertical" style={{ width: "100%" }}>
                <Space>
                  <Tag>v{r.version}</Tag>
                  <Typography.Text strong>{t(`cci.actions.${r.action}`)}</Typography.Text>
                  <Typography.Text>{r.authorName}</Typography.Text>
                  <Typography.Text type="secondary">{dateTime(r.at)}</Typography.Text>
                </Space>
                {r.diff && <DiffView diff={r.diff} />}
              </Space>
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
