"use client";

import { Space, Table, Tag, Typography } from "antd";
import { DiffStatusTag, Mono } from "@/components/portal/parts";
import { useI18n } from "@/components/providers/I18nProvider";
import { type DiffRow, diffCounts } from "@/lib/dashboards/compare";

/**
 * What deploying a set of component versions changes in an environment, row per component. `marks`
 * tags target versions by component id, e.g. "from branch" for a feature branch's own builds.
 */
export function DiffTable(props: {
  rows: DiffRow[];
  targetTitle?: string;
  testId?: string;
  marks?: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const counts = diffCounts(props.rows);
  return (
    <div data-testid={props.testId ?? "diff"}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="diff-summary">
        {t("portal.diff.summary", { changed: counts.changed, unchanged: counts.unchanged, new: counts.new })}
        {counts["only-in-env"] > 0 ? ` · ${counts["only-in-env"]} ${t("portal.diff.only-in-env")}` : ""}
      </Typography.Paragraph>
      <Table<DiffRow>
        size="small"
        pagination={false}
        rowKey="componentId"
        dataSource={props.rows}
        onRow={(row) => ({ "data-testid": `diff-row-${row.name}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t("portal.common.component"), dataIndex: "name" },
          {
            title: t("portal.diff.current"),
            render: (_, row) =>
              row.current.length ? (
                <Space size={4} wrap>
                  {row.current.map((tag) => (
                    <Mono key={tag}>{tag}</Mono>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t("portal.diff.notRunning")}</Typography.Text>
              ),
          },
          {
            title: props.targetTitle ?? t("portal.diff.target"),
            render: (_, row) => {
              if (!row.target) return t("portal.common.none");
              const mark = props.marks?.get(row.componentId);
              return (
                <Space size={4} wrap>
                  <Mono>{row.target}</Mono>
                  {mark ? (
                    <Tag color="purple" data-testid="diff-mark">
                      {mark}
                    </Tag>
                  ) : null}
                </Space>
              );
            },
          },
          { title: t("portal.common.status"), render: (_, row) => <DiffStatusTag status={row.status} /> },
        ]}
      />
    </div>
  );
}
