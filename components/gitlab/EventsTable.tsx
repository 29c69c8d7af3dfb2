"use client";

import { ReloadOutlined, SearchOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { api } from "@/components/api-client";
import { useI18n } from "@/components/providers/I18nProvider";
import { SettingsBreadcrumb } from "@/components/settings/form-parts";
import { useApiAction } from "@/components/settings/use-api-action";
import type { TEventStatus } from "@/lib/gitlab/list-events";

export type EventRow = {
  id: number;
  receivedAt: string;
  eventType: string;
  objectKind: string;
  projectPath: string;
  ref: string;
  payloadBytes: number;
  status: TEventStatus;
  attempts: number;
  duplicates: number;
  error: string;
  result: string;
};

type Detail = EventRow & { payload: string; dedupeKey: string };
export type EventFilters = { status: string; eventType: string; project: string; ref: string };

const STATUS_COLOR: Record<TEventStatus, string> = {
  queued: "blue",
  processing: "blue",
  handled: "green",
  ignored: "default",
  failed: "red",
};
const STATUSES: TEventStatus[] = ["queued", "processing", "handled", "ignored", "failed"];

function pretty(payload: string): string {
  if (payload.length > 2_000_000) return payload; // formatting megabytes would freeze the page
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

const size = (n: number) =>
  n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;

export function EventsTable(props: {
  items: EventRow[];
  total: number;
  page: number;
  pageSize: number;
  filters: EventFilters;
  eventTypes: string[];
}) {
  const { t, dateTime } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [detail, setDetail] = useState<Detail | null>(null);
  const { run } = useApiAction();

  function go(next: Partial<EventFilters> & { page?: number }) {
    const merged = { ...props.filters, page: 1, ...next };
    const qs = new URLSearchParams();
    for (const k of ["status", "eventType", "project", "ref"] as const)
      if (merged[k]) qs.set(k, merged[k].trim());
    if (merged.page > 1) qs.set("page", String(merged.page));
    const query = qs.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
  }

  async function open(id: number) {
    const d = await run(() => api<Detail>("GET", `/api/v1/gitlab/events/${id}`));
    if (d) setDetail(d);
  }

  async function reprocess(id: number) {
    const ok = await run(() => api("POST", `/api/v1/gitlab/events/${id}/reprocess`), {
      success: t("gitlab.events.reprocessQueued"),
    });
    if (ok && detail?.id === id) setDetail({ ...detail, status: "queued", error: "" });
  }

  const filtered = Object.values(props.filters).some(Boolean);
  const statusTag = (s: TEventStatus) => (
    <Tag color={STATUS_COLOR[s]}>{t(`gitlab.events.statuses.${s}`)}</Tag>
  );

  return (
    <>
      <SettingsBreadcrumb
        items={[{ title: t("gitlab.title"), href: "/settings/gitlab" }, { title: t("gitlab.events.title") }]}
      />
      <Card
        title={t("gitlab.events.title")}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => router.refresh()}>
            {t("common.refresh")}
          </Button>
        }
      >
        <Form
          layout="inline"
          initialValues={props.filters}
          onFinish={(v: EventFilters) => go(v)}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="status">
            <Select
              style={{ width: 150 }}
              allowClear
              placeholder={t("gitlab.events.anyStatus")}
              options={STATUSES.map((s) => ({ value: s, label: t(`gitlab.events.statuses.${s}`) }))}
              onChange={(v) => go({ status: v ?? "" })}
            />
          </Form.Item>
          <Form.Item name="eventType">
            <Select
              style={{ width: 190 }}
              allowClear
              placeholder={t("gitlab.events.anyEvent")}
              options={props.eventTypes.map((e) => ({ value: e, label: e || "—" }))}
              onChange={(v) => go({ eventType: v ?? "" })}
            />
          </Form.Item>
          <Form.Item name="project">
            <Input placeholder={t("gitlab.events.projectPlaceholder")} allowClear style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="ref">
            <Input placeholder={t("gitlab.events.refPlaceholder")} allowClear style={{ width: 180 }} />
          </Form.Item>
          <Button htmlType="submit" icon={<SearchOutlined />} loading={pending}>
            {t("common.search")}
          </Button>
          {filtered && (
            <Button type="link" onClick={() => go({ status: "", eventType: "", project: "", ref: "" })}>
              {t("gitlab.events.clearFilters")}
            </Button>
          )}
        </Form>
        <Table<EventRow>
          rowKey="id"
          size="small"
          loading={pending}
          dataSource={props.items}
          onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: "pointer" } })}
          locale={{
            emptyText: (
              <Empty
                description={filtered ? t("gitlab.events.emptyFiltered") : t("gitlab.events.emptyHint")}
              />
            ),
          }}
          pagination={{
            current: props.page,
            pageSize: props.pageSize,
            total: props.total,
            showSizeChanger: false,
            showTotal: (n) => t("gitlab.events.total", { count: n }),
            onChange: (page) => go({ page }),
          }}
          columns={[
            { title: "#", dataIndex: "id", width: 70 },
            { title: t("gitlab.events.received"), render: (_, r) => dateTime(r.receivedAt), width: 170 },
            {
              title: t("gitlab.events.event"),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  {r.eventType || "—"}
                  {r.objectKind && <Typography.Text type="secondary">{r.objectKind}</Typography.Text>}
                </Space>
              ),
            },
            { title: t("gitlab.events.project"), dataIndex: "projectPath" },
            { title: t("gitlab.events.ref"), dataIndex: "ref" },
            { title: t("gitlab.events.status"), render: (_, r) => statusTag(r.status), width: 110 },
            {
              title: t("gitlab.events.result"),
              render: (_, r) => (
                <Typography.Text
                  type={r.error ? "danger" : undefined}
                  ellipsis={{ tooltip: r.error || r.result }}
                  style={{ maxWidth: 360 }}
                >
                  {r.error || r.result}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Drawer
        open={detail !== null}
        onClose={() => setDetail(null)}
        size="large"
        title={detail ? `#${detail.id} ${detail.eventType}` : ""}
        extra={
          detail &&
          detail.status !== "processing" && (
            <Button onClick={() => reprocess(detail.id)} data-testid="reprocess">
              {t("gitlab.events.reprocess")}
            </Button>
          )
        }
      >
        {detail && (
          <>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t("gitlab.events.status")}>
                {statusTag(detail.status)}
              </Descriptions.Item>
              <Descriptions.Item label={t("gitlab.events.received")}>
                {dateTime(detail.receivedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t("gitlab.events.project")}>
                {detail.projectPath || "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("gitlab.events.ref")}>{detail.ref || "—"}</Descriptions.Item>
              <Descriptions.Item label={t("gitlab.events.result")}>{detail.result || "—"}</Descriptions.Item>
              {detail.error && (
                <Descriptions.Item label={t("gitlab.events.error")}>
                  <Typography.Text type="danger">{detail.error}</Typography.Text>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t("gitlab.events.attempts")}>{detail.attempts}</Descriptions.Item>
              <Descriptions.Item label={t("gitlab.events.duplicates")}>{detail.duplicates}</Descriptions.Item>
              <Descriptions.Item label={t("gitlab.events.size")}>
                {size(detail.payloadBytes)}
              </Descriptions.Item>
              <Descriptions.Item label={t("gitlab.events.deliveryKey")}>
                <code>{detail.dedupeKey}</code>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t("gitlab.events.payload")}</Typography.Title>
            <pre
              style={{ fontSize: 12, background: "#f6f8fa", padding: 12, overflow: "auto", maxHeight: 600 }}
            >
              {pretty(detail.payload)}
            </pre>
          </>
        )}
      </Drawer>
    </>
  );
}
