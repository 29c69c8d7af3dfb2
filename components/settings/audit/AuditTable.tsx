"use client";

import { SearchOutlined } from "@ant-design/icons";
import { AutoComplete, Button, Card, Empty, Form, Select, Space, Table, Tag, Typography } from "antd";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { useI18n } from "@/components/providers/I18nProvider";
import { SettingsBreadcrumb } from "@/components/settings/form-parts";

export type AuditRow = {
  id: number;
  at: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  /** JSON text, secrets already removed when it was written */
  detail: string;
};

type Filters = { action: string; actor: string };

type Props = {
  items: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
  filters: Filters;
  actors: string[];
  actionPrefixes: string[];
};

function pretty(detail: string): string {
  try {
    return JSON.stringify(JSON.parse(detail), null, 2);
  } catch {
    return detail;
  }
}

/** A name the detail mentions (name, username, version), to tell targets apart without their ids. */
function targetLabel(detail: string): string | undefined {
  try {
    const d = JSON.parse(detail) as Record<string, unknown>;
    for (const k of ["name", "username", "version", "branch"]) if (typeof d[k] === "string") return d[k];
  } catch {
    // not JSON: nothing to show
  }
  return undefined;
}

export function AuditTable({ items, total, page, pageSize, filters, actors, actionPrefixes }: Props) {
  const { t, dateTime } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [form] = Form.useForm<Filters>();

  function go(next: Partial<Filters> & { page?: number }) {
    const merged = { ...filters, page: 1, ...next };
    const qs = new URLSearchParams();
    if (merged.action.trim()) qs.set("action", merged.action.trim());
    if (merged.actor) qs.set("actor", merged.actor);
    if (merged.page > 1) qs.set("page", String(merged.page));
    const query = qs.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
  }

  const filtered = Boolean(filters.action || filters.actor);

  return (
    <>
      <SettingsBreadcrumb items={[{ title: t("nav.audit") }]} />
      <Card title={t("nav.audit")}>
        <Form<Filters>
          form={form}
          layout="inline"
          initialValues={{ action: filters.action, actor: filters.actor || undefined }}
          onFinish={(v) => go({ action: v.action ?? "", actor: v.actor ?? "" })}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="action" label={t("audit.action")}>
            <AutoComplete
              style={{ width: 220 }}
              allowClear
              placeholder={t("audit.actionPlaceholder")}
              options={actionPrefixes.map((p) => ({ value: p }))}
              showSearch={{
                filterOption: (input, option) => String(option?.value ?? "").startsWith(input),
              }}
            />
          </Form.Item>
          <Form.Item name="actor" label={t("audit.actor")}>
            <Select
              style={{ width: 200 }}
              allowClear
              showSearch
              placeholder={t("audit.anyActor")}
              options={actors.map((a) => ({ value: a, label: a }))}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t("common.search")}
              </Button>
              {filtered && (
                <Button
                  onClick={() => {
                    form.setFieldsValue({ action: "", actor: undefined });
                    go({ action: "", actor: "" });
                  }}
                >
                  {t("audit.clearFilters")}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Form>
        <Table<AuditRow>
          rowKey="id"
          size="middle"
          loading={pending}
          dataSource={items}
          scroll={{ x: "max-content" }}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: false,
            showTotal: (n) => t("audit.total", { count: n }),
            onChange: (p) => go({ page: p }),
          }}
          expandable={{
            rowExpandable: (r) => r.detail !== "{}" && r.detail !== "",
            expandedRowRender: (r) => (
              <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}>
                {pretty(r.detail)}
              </pre>
            ),
          }}
          locale={{
            emptyText: <Empty description={filtered ? t("audit.emptyFiltered") : t("audit.emptyHint")} />,
          }}
          columns={[
            {
              title: t("audit.time"),
              dataIndex: "at",
              render: (v: string) => <span style={{ whiteSpace: "nowrap" }}>{dateTime(v)}</span>,
            },
            { title: t("audit.actor"), dataIndex: "actorName" },
            {
              title: t("audit.action"),
              dataIndex: "action",
              render: (a: string) => <Typography.Text code>{a}</Typography.Text>,
            },
            {
              title: t("audit.target"),
              key: "target",
              render: (_, r) => (
                <Space size={4}>
                  <Tag>{r.targetType}</Tag>
                  {targetLabel(r.detail) ?? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.targetId}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t("audit.detail"),
              dataIndex: "detail",
              render: (d: string) =>
                d === "{}" ? null : (
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360, fontSize: 12 }}>
                    {d}
                  </Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
