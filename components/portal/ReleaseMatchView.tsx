"use client";

import { CheckCircleOutlined, SwapOutlined } from "@ant-design/icons";
import { Flex, Popover, Table, Tag, Tooltip, Typography } from "antd";
import { useI18n } from "@/components/providers/I18nProvider";
import type { ReleaseDifference } from "@/lib/dashboards/compare";
import type { ProductMatch } from "@/lib/dashboards/environments";
import { Mono } from "./parts";

function Differences({ rows }: { rows: ReleaseDifference[] }) {
  const { t } = useI18n();
  return (
    <Table<ReleaseDifference>
      size="small"
      pagination={false}
      rowKey="componentId"
      dataSource={rows}
      columns={[
        { title: t("portal.common.component"), dataIndex: "name" },
        {
          title: t("portal.diff.current"),
          render: (_, r) =>
            r.running.length
              ? r.running.map((tag) => <Mono key={tag}>{tag}</Mono>)
              : t("portal.diff.notRunning"),
        },
        {
          title: t("portal.diff.releaseTag"),
          render: (_, r) => (r.release ? <Mono>{r.release}</Mono> : t("portal.environments.notInRelease")),
        },
      ]}
    />
  );
}

/**
 * Which release each product in an environment matches: a green tag, or "mixed" with the closest
 * release and the differences (inline, or in a popover when `compact`).
 */
export function ReleaseMatchView({ matches, compact }: { matches: ProductMatch[]; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      {matches.map(({ productId, productName, match }) => {
        if (match.kind === "match")
          return (
            <div key={productId}>
              <Tooltip
                title={t("portal.environments.matchesHelp", {
                  product: productName,
                  version: match.release.version,
                })}
              >
                <Tag
                  color="green"
                  icon={<CheckCircleOutlined />}
                  data-testid="release-match"
                  data-kind="match"
                >
                  {t("portal.environments.matches", { product: productName, version: match.release.version })}
                </Tag>
              </Tooltip>
            </div>
          );
        const title = match.release
          ? t("portal.environments.mixedHelp", { version: match.release.version })
          : t("portal.environments.mixedNoRelease", { product: productName });
        const tag = (
          <Tag color="orange" icon={<SwapOutlined />} data-testid="release-match" data-kind="mixed">
            {t("portal.environments.mixed", { product: productName })}
            {match.release
              ? ` · ${t("portal.environments.closest", { version: match.release.version })}`
              : ""}
          </Tag>
        );
        if (compact)
          return (
            <div key={productId}>
              <Popover
                title={
                  match.release
                    ? t("portal.environments.differences", { version: match.release.version })
                    : title
                }
                content={<Differences rows={match.differences} />}
                trigger={["hover", "focus"]}
              >
                <button type="button" style={{ all: "unset", cursor: "help" }}>
                  {tag}
                </button>
              </Popover>
            </div>
          );
        return (
          <div key={productId}>
            {tag}
            <Typography.Text type="secondary">{title}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <Differences rows={match.differences} />
            </div>
          </div>
        );
      })}
    </Flex>
  );
}
