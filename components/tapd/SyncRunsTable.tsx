"use client";

import { CheckCircleOutlined, CloseCircleOutlined, SyncOutlined } from "@ant-design/icons";
import { Card, Table, Tag, Typography } from "antd";
import { useI18n } from "@/components/providers/I18nProvider";
import type { RunRow } from "./types";

const LOOK: Record<string, { color: string; icon: React.ReactNode }> = {
  running: { color: "processing", icon: <SyncOutlined spin /> },
  success: { color: "success", icon: <CheckCircleOutlined /> },
  failed: { color: "error", icon: <CloseCircleOutlined /> },
};
const COUNT_KEYS = [
  "iterations",
  "stories",
  "bugs",
  "storyChanges",
  "bugChanges",
  "releases",
  "links",
] as const;

function seconds(run: RunRow): string {
  if (!run.finishedAt) return "…";
  const s = (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** Each sync run: when, how long, what it wrote, and the error of a failed one. */
export function SyncRunsTable({ runs }: { runs: RunRow[] }) {
  const { t, dateTime } = useI18n();
  return (
    <Card>
      <Table<RunRow>
        rowKey="id"
        size="small"
        dataSource={runs}
        pagination={false}
        locale={{ emptyText: t("tapd.runs.emptyHint") }}
        columns={[
          {
            title: t("tapd.runs.startedAt"),
            dataIndex: "startedAt",
            render: (v: string) => dateTime(v),
          },
          { title: t("tapd.runs.duration"), key: "duration", render: (_, r) => seconds(r) },
          {
            title: t("tapd.runs.trigger"),
            key: "trigger",
            render: (_, r) => (
              <>
                {t(`tapd.runs.triggers.${r.trigger as "manual"}`)}
                {r.requestedBy ? (
                  <Typography.Text type="secondary">
                    {" "}
                    · {t("tapd.runs.requestedBy", { name: r.requestedBy })}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            title: t("tapd.runs.mode"),
            dataIndex: "mode",
            render: (m: string) => t(`tapd.runs.modes.${m as "full"}`),
          },
          {
            title: t("tapd.runs.status"),
            dataIndex: "status",
            render: (s: string) => (
              <Tag color={LOOK[s]?.color} icon={LOOK[s]?.icon} data-testid="tapd-run-status" data-status={s}>
                {t(`tapd.runs.statuses.${s as "success"}`)}
              </Tag>
            ),
          },
          {
            title: t("tapd.runs.counts"),
            key: "counts",
            render: (_, r) =>
              COUNT_KEYS.filter((k) => r.counts[k])
                .map((k) => `${r.counts[k]} ${t(`tapd.runs.countLabels.${k}`)}`)
                .join(", ") || "—",
          },
          {
            title: t("tapd.runs.error"),
            dataIndex: "error",
            render: (e: string) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : null),
          },
        ]}
      />
    </Card>
  );
}
