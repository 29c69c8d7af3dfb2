"use client";

import { BugOutlined, FileTextOutlined } from "@ant-design/icons";
import { Flex, Tag, Tooltip, Typography } from "antd";
import { useI18n } from "@/components/providers/I18nProvider";
import type { LinkedItem } from "@/lib/tapd/linked-items";

/**
 * A feature branch's linked stories and bugs as tags: kind icon, TAPD id, title and status (green
 * once TAPD's workflow counts it done). Feature cards can use it as it is.
 */
export function LinkedItemTags(props: { items: LinkedItem[]; onRemove?: (item: LinkedItem) => void }) {
  const { t } = useI18n();
  if (props.items.length === 0)
    return <Typography.Text type="secondary">{t("tapd.links.none")}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {props.items.map((item) => {
        const status = item.statusLabel ?? item.status;
        const label = (
          <>
            {item.shortId} {item.title ?? <i>{t("tapd.links.notSynced")}</i>}
            {status ? ` · ${status}` : ""}
          </>
        );
        return (
          <Tooltip
            key={item.linkId}
            title={`${t(`tapd.links.types.${item.entityType}`)} · ${t("tapd.links.source")}: ${t(`tapd.links.sources.${item.source as "manual"}`)}`}
          >
            <Tag
              data-testid="tapd-linked-item"
              color={item.done ? "green" : item.entityType === "bug" ? "red" : "blue"}
              icon={item.entityType === "bug" ? <BugOutlined /> : <FileTextOutlined />}
              closable={Boolean(props.onRemove)}
              onClose={(e) => {
                e.preventDefault();
                props.onRemove?.(item);
              }}
            >
              {item.url ? (
                <a href={item.url} target="_blank" rel="noreferrer">
                  {label}
                </a>
              ) : (
                label
              )}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
