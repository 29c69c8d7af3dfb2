"use client";

import { ClearOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Flex, Select, Table, Tag, Typography } from "antd";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { LiveRefresh, PageHeader, RelativeTime, TaskStatusTag } from "@/components/portal/parts";
import { useI18n } from "@/components/providers/I18nProvider";
import type { TaskFilters, TaskListItem } from "@/lib/dashboards/tasks";
import { TASK_STATUSES, TASK_TYPES } from "@/lib/domain/enums";
import { formatDuration } from "@/lib/i18n/format-time";

type Props = {
  items: TaskListItem[];
  older: number | null;
  filters: TaskFilters;
  environments: { id: string; name: string }[];
  creators: string[];
};

/** The tasks list: filters in the URL, live status through LiveRefresh. */
export function TasksList({ items, older, filters, environments, creators }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const filtered = Boolean(filters.status || filters.environmentId || filters.creator || filters.type);

  function go(next: Partial<TaskFilters>) {
    const merged: Record<string, string | number | undefined> = { ...filters, before: undefined, ...next };
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") qs.set(k, String(v));
    const q = qs.toString();
    router.push(q ? `${pathname}?${q}` : pathname);
  }

  const filter = (
    key: "status" | "environmentId" | "creator" | "type",
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      aria-label={label}
      placeholder={label}
      style={{ minWidth: 160 }}
      value={filters[key]}
      onChange={(value?: string) => go({ [key]: value })}
      options={options.map((o) => ({ ...o, title: o.label }))}
      data-testid={`filter-${key}`}
    />
  );

  return (
    <>
      <PageHeader
        crumbs={[{ title: t("portal.tasks.title") }]}
        title={t("portal.tasks.title")}
        subtitle={t("portal.tasks.subtitle")}
        extra={<LiveRefresh />}
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }} role="search">
          {filter(
            "status",
            t("portal.tasks.filterStatus"),
            TASK_STATUSES.map((s) => ({ value: s, label: t(`portal.taskStatus.${s}`) })),
          )}
          {filter(
            "environmentId",
            t("portal.tasks.filterEnvironment"),
            environments.map((e) => ({ value: e.id, label: e.name })),
          )}
          {filter(
            "creator",
            t("portal.tasks.filterCreator"),
            creators.map((c) => ({ value: c, label: c })),
          )}
          {filter(
            "type",
            t("portal.tasks.filterType"),
            TASK_TYPES.map((s) => ({ value: s, label: t(`portal.taskType.${s}`) })),
          )}
          {filtered ? (
            <Button icon={<ClearOutlined />} onClick={() => router.push(pathname)}>
              {t("portal.tasks.clear")}
            </Button>
          ) : null}
        </Flex>
        <Table<TaskListItem>
          size="middle"
          rowKey="id"
          dataSource={items}
          pagination={false}
          scroll={{ x: "max-content" }}
          onRow={(task) => ({ "data-testid": `task-row-${task.id}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  filtered ? (
                    t("portal.tasks.emptyFiltered")
                  ) : (
                    <>
                      <Typography.Paragraph strong>{t("portal.tasks.emptyTitle")}</Typography.Paragraph>
                      <Typography.Paragraph type="secondary">
                        {t("portal.tasks.emptyHint")}
                      </Typography.Paragraph>
                    </>
                  )
                }
              />
            ),
          }}
          columns={[
            {
              title: t("portal.tasks.id"),
              render: (_, task) => <Link href={`/tasks/${task.id}`}>#{task.id}</Link>,
            },
            {
              title: t("portal.common.status"),
              render: (_, task) => (
                <Flex gap={4} align="center">
                  <TaskStatusTag status={task.status} testId="task-row-status" />
                  {task.queuePosition ? (
                    <Typography.Text type="secondary">
                      {t("portal.tasks.queued", { n: task.queuePosition })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t("portal.task.type"),
              render: (_, task) => <Tag>{t(`portal.taskType.${task.type}`)}</Tag>,
            },
            {
              title: t("portal.tasks.what"),
              render: (_, task) => (
                <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                  {task.summary}
                </Typography.Text>
              ),
            },
            {
              title: t("portal.common.environment"),
              render: (_, task) => (
                <Link href={`/environments/${task.environmentId}`}>{task.environmentName}</Link>
              ),
            },
            { title: t("portal.task.creator"), dataIndex: "creatorName" },
            {
              title: t("portal.tasks.created"),
              render: (_, task) => <RelativeTime value={task.createdAt} />,
            },
            {
              title: t("portal.tasks.duration"),
              render: (_, task) =>
                task.startedAt && task.finishedAt
                  ? formatDuration(new Date(task.finishedAt).getTime() - new Date(task.startedAt).getTime())
                  : "",
            },
          ]}
        />
        {filters.before || older ? (
          <Flex justify="center" gap={8} style={{ marginTop: 16 }}>
            {filters.before ? <Button onClick={() => go({})}>{t("portal.tasks.newest")}</Button> : null}
            {older ? (
              <Button onClick={() => go({ ...filters, before: older })}>{t("portal.tasks.older")}</Button>
            ) : null}
          </Flex>
        ) : null}
      </Card>
    </>
  );
}
