"use client";

import { ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import Link from "next/link";
import { useState } from "react";
import { api } from "@/components/api-client";
import { DeployButton, DeployProvider } from "@/components/deploy/DeployProvider";
import { useI18n } from "@/components/providers/I18nProvider";
import { useApiAction } from "@/components/settings/use-api-action";
import type { EnvironmentDetail, RunningComponent } from "@/lib/dashboards/environments";
import type { TaskBrief } from "@/lib/dashboards/task-brief";
import { type Abilities, deployBlock } from "./abilities";
import { DriftMark, LiveRefresh, Mono, PageHeader, ProtectedTag, RelativeTime, TaskStatusTag } from "./parts";
import { ReleaseMatchView } from "./ReleaseMatchView";

type RefreshResult = {
  hosts: { hostId: string; host: string; ok: boolean; error?: string }[];
  drifted: number;
};

/** One environment: release match, component × host matrix with drift, task history. */
export function EnvironmentDetailView({ env, abilities }: { env: EnvironmentDetail; abilities: Abilities }) {
  const { t } = useI18n();
  const { run, busy } = useApiAction();
  const { message } = App.useApp();
  const [failures, setFailures] = useState<RefreshResult["hosts"]>([]);
  const firstMatch = env.matches[0];
  const refreshBlock = deployBlock(abilities);

  async function refresh() {
    const res = await run(() => api<RefreshResult>("POST", `/api/v1/environments/${env.id}/refresh`), {});
    if (!res) return;
    setFailures(res.hosts.filter((h) => !h.ok));
    const ok = res.hosts.filter((h) => h.ok).length;
    message.success(t("portal.environment.refreshed", { ok, total: res.hosts.length, drifted: res.drifted }));
  }

  const refreshButton = (
    <Button icon={<ReloadOutlined />} loading={busy} disabled={refreshBlock !== null} onClick={refresh}>
      {busy ? t("portal.environment.refreshing") : t("portal.environment.refresh")}
    </Button>
  );

  return (
    <DeployProvider abilities={abilities}>
      <PageHeader
        crumbs={[{ title: t("portal.environments.title"), href: "/environments" }, { title: env.name }]}
        title={env.name}
        tags={env.protected ? <ProtectedTag /> : null}
        extra={
          <>
            <LiveRefresh />
            <Tooltip
              title={
                refreshBlock ? t(refreshBlock.key, refreshBlock.vars) : t("portal.environment.refreshHelp")
              }
            >
              <span>{refreshButton}</span>
            </Tooltip>
            <DeployButton
              environment={env}
              prefill={{
                environmentId: env.id,
                type: "release",
                productId: firstMatch?.productId,
                releaseId: firstMatch?.match.release?.id,
              }}
            />
          </>
        }
      />
      {failures.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setFailures([]) }}
          style={{ marginBottom: 16 }}
          title={failures
            .map((f) => t("portal.environment.refreshFailed", { host: f.host, error: f.error ?? "" }))
            .join("; ")}
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: "state",
              label: t("portal.common.status"),
              children: env.runningTask ? (
                <Link href={`/tasks/${env.runningTask.id}`}>
                  {t("portal.environments.busy", { id: env.runningTask.id })}
                </Link>
              ) : (
                t("portal.environments.idle")
              ),
            },
            {
              key: "queue",
              label: t("portal.environment.waiting"),
              children: <span data-testid="env-waiting">{env.waiting}</span>,
            },
            {
              key: "hosts",
              label: t("portal.common.hosts"),
              children: env.hosts.length
                ? env.hosts.map((h) => h.name).join(", ")
                : t("portal.environments.noHosts"),
            },
            ...(env.description
              ? [
                  {
                    key: "description",
                    label: t("portal.environment.description"),
                    children: env.description,
                  },
                ]
              : []),
            ...(env.dnsDomain
              ? [{ key: "dns", label: t("portal.environment.dns"), children: env.dnsDomain }]
              : []),
          ]}
        />
        {env.matches.length > 0 ? (
          <div style={{ marginTop: 12 }}>
            <Typography.Text strong>{t("portal.environment.release")}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <ReleaseMatchView matches={env.matches} />
            </div>
          </div>
        ) : null}
      </Card>
      <Card title={t("portal.environment.matrix")} style={{ marginBottom: 16 }}>
        <Matrix env={env} />
      </Card>
      <Card
        title={t("portal.environment.history")}
        extra={
          env.taskCount > 0 ? (
            <Link href={`/tasks?environmentId=${encodeURIComponent(env.id)}`}>
              {t("portal.environment.historyAll", { n: env.taskCount })}
            </Link>
          ) : null
        }
      >
        <History tasks={env.history} />
      </Card>
    </DeployProvider>
  );
}

function Matrix({ env }: { env: EnvironmentDetail }) {
  const { t } = useI18n();
  if (env.components.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("portal.environment.matrixEmpty")} />;
  const columns: ColumnsType<RunningComponent> = [
    {
      title: t("portal.common.component"),
      fixed: "left",
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.productName}
          </Typography.Text>
        </Flex>
      ),
    },
    ...env.hostDetails.map((h) => ({
      key: h.id,
      title: (
        <Tooltip title={`${h.address}:${h.port} · ${h.containerCli}`}>
          <span>{h.name}</span>
          {h.components.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
              {t("portal.environment.onlyComponents", { list: h.components.join(", ") })}
            </Typography.Text>
          ) : null}
        </Tooltip>
      ),
      render: (_: unknown, c: RunningComponent) => {
        const cell = c.cells.find((x) => x.hostId === h.id);
        if (!cell)
          return <Typography.Text type="secondary">{t("portal.environment.notOnHost")}</Typography.Text>;
        return (
          <Flex gap={4} align="center" wrap data-testid={`cell-${c.name}`} data-tag={cell.tag ?? ""}>
            {cell.tag ? (
              <Mono>{cell.tag}</Mono>
            ) : (
              <Typography.Text delete>{cell.deployedTag}</Typography.Text>
            )}
            <DriftMark
              drift={cell.drift}
              deployedTag={cell.deployedTag}
              observedImage={cell.observedImage}
              observedState={cell.observedState}
              observedAt={cell.observedAt}
              deployedAt={cell.deployedAt}
            />
            {cell.taskId ? (
              <Tooltip title={t("portal.environment.deployedBy", { id: cell.taskId })}>
                <Link href={`/tasks/${cell.taskId}`} style={{ fontSize: 12 }}>
                  #{cell.taskId}
                </Link>
              </Tooltip>
            ) : null}
          </Flex>
        );
      },
    })),
  ];
  return (
    <Table<RunningComponent>
      size="small"
      pagination={false}
      rowKey="componentId"
      dataSource={env.components}
      columns={columns}
      scroll={{ x: "max-content" }}
      onRow={(c) => ({ "data-testid": `matrix-row-${c.name}` }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}

function History({ tasks }: { tasks: TaskBrief[] }) {
  const { t } = useI18n();
  if (tasks.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("portal.environment.historyEmpty")} />;
  return (
    <Table<TaskBrief>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={tasks}
      columns={[
        {
          title: t("portal.tasks.id"),
          render: (_, task) => <Link href={`/tasks/${task.id}`}>#{task.id}</Link>,
        },
        { title: t("portal.common.status"), render: (_, task) => <TaskStatusTag status={task.status} /> },
        { title: t("portal.task.type"), render: (_, task) => <Tag>{t(`portal.taskType.${task.type}`)}</Tag> },
        { title: t("portal.tasks.what"), dataIndex: "summary" },
        { title: t("portal.task.creator"), dataIndex: "creatorName" },
        { title: t("portal.tasks.created"), render: (_, task) => <RelativeTime value={task.createdAt} /> },
      ]}
    />
  );
}
