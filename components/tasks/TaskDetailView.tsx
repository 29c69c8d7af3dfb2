"use client";

import { ArrowLeftOutlined, ReloadOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from "antd";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { api } from "@/components/api-client";
import { type Abilities, deployBlock } from "@/components/portal/abilities";
import { Elapsed, Mono, PageHeader, RelativeTime, TaskStatusTag } from "@/components/portal/parts";
import { useI18n } from "@/components/providers/I18nProvider";
import { useApiAction } from "@/components/settings/use-api-action";
import { componentsSummary } from "@/lib/dashboards/task-brief";
import type { TaskJson } from "@/lib/dashboards/tasks";
import { FINAL_TASK_STATUSES, type TTaskStatus, type TTaskType } from "@/lib/domain/enums";
import { LogViewer } from "./LogViewer";
import { useTaskLog } from "./use-task-log";

const POLL_MS = 2000;
const RANK: Record<TTaskStatus, number> = { waiting: 0, running: 1, success: 2, failed: 2, canceled: 2 };

type Props = {
  task: TaskJson;
  retries: { id: number; status: string }[];
  abilities: Abilities;
};

/** The task page: what it deploys, where, by whom, its status and times, and the live log. */
export function TaskDetailView(props: Props) {
  const { t, dateTime } = useI18n();
  const router = useRouter();
  const [task, setTask] = useState<TaskJson>(props.task);
  // What the log stream says about the status (it knows first); the log itself re-renders only its panel.
  const [streamStatus, setStreamStatus] = useState<TTaskStatus | null>(null);
  const [endStatus, setEndStatus] = useState<TTaskStatus | null>(null);
  const { run, busy } = useApiAction();

  useEffect(() => setTask(props.task), [props.task]);

  // The log stream says when the status changes; the task itself (queue position, times,
  // cancel flag) is polled while it has not ended, and once more when the stream ends.
  const final = FINAL_TASK_STATUSES.includes(task.status as TTaskStatus);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api<TaskJson>("GET", `/api/v1/tasks/${props.task.id}`);
        if (stopped) return;
        setTask(next);
        if (FINAL_TASK_STATUSES.includes(next.status as TTaskStatus)) return;
      } catch {
        // keep polling: the server may be restarting
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    if (!final || (streamStatus && streamStatus !== task.status)) void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // `streamStatus` restarts the poll at once when the stream reports a change
  }, [props.task.id, final, streamStatus, task.status]);

  // The status shown: whichever source is further along (the stream usually knows first).
  const polled = task.status as TTaskStatus;
  const status: TTaskStatus =
    endStatus ?? (streamStatus && RANK[streamStatus] > RANK[polled] ? streamStatus : polled);
  const ended = FINAL_TASK_STATUSES.includes(status);
  const block = deployBlock(props.abilities, task.environment);

  async function retry() {
    const res = await run(() => api<{ id: number; url: string }>("POST", `/api/v1/tasks/${task.id}/retry`));
    if (res) router.push(res.url);
  }

  async function cancel() {
    const res = await run(() => api<{ status: string }>("POST", `/api/v1/tasks/${task.id}/cancel`));
    if (res)
      setTask((x) => ({
        ...x,
        cancelRequested: true,
        status: res.status === "canceled" ? "canceled" : x.status,
      }));
  }

  const retryButton = (
    <Button
      icon={<ReloadOutlined />}
      onClick={retry}
      loading={busy}
      disabled={!ended || block !== null}
      data-testid="task-retry"
    >
      {t("portal.task.retry")}
    </Button>
  );
  const cancelDisabled = ended || block !== null || task.cancelRequested;
  const cancelButton = (
    <Popconfirm
      title={t("portal.task.cancelConfirm", { id: task.id })}
      okText={t("portal.task.cancel")}
      cancelText={t("common.back")}
      okButtonProps={{ danger: true }}
      onConfirm={cancel}
      disabled={cancelDisabled}
    >
      <Button
        danger
        icon={<StopOutlined />}
        disabled={cancelDisabled}
        loading={busy}
        data-testid="task-cancel"
      >
        {task.cancelRequested && !ended ? t("portal.task.cancelRequested") : t("portal.task.cancel")}
      </Button>
    </Popconfirm>
  );
  const why = (fallback: string) => (block ? t(block.key, block.vars) : fallback);

  const what =
    task.type === "release" && task.release
      ? `${task.product?.name ?? ""} ${task.release.version}`.trim()
      : task.type === "feature" && task.featureBranch
        ? `${task.featureBranch.branch}${task.featureBranch.title ? ` — ${task.featureBranch.title}` : ""}${task.release ? ` (${task.release.version})` : ""}`
        : componentsSummary(task.components);

  return (
    <>
      <PageHeader
        crumbs={[{ title: t("portal.tasks.title"), href: "/tasks" }, { title: `#${task.id}` }]}
        title={
          <Flex align="center" gap={8}>
            <Link href="/tasks" aria-label={t("portal.task.back")} data-testid="task-back">
              <ArrowLeftOutlined />
            </Link>
            {t("portal.task.title", { id: task.id })}
          </Flex>
        }
        tags={
          <>
            <TaskStatusTag status={status} testId="task-status" />
            {task.retryOfId ? (
              <Link href={`/tasks/${task.retryOfId}`} data-testid="task-retry-of">
                {t("portal.task.retryOf", { id: task.retryOfId })}
              </Link>
            ) : null}
          </>
        }
        extra={
          <>
            <Tooltip title={why(ended ? t("portal.task.retryHelp") : t("portal.task.retryDisabled"))}>
              <span>{retryButton}</span>
            </Tooltip>
            <Tooltip title={block ? why("") : ended ? t("portal.task.cancelDisabled") : undefined}>
              <span>{cancelButton}</span>
            </Tooltip>
          </>
        }
      />
      {status === "waiting" && task.queuePosition ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="task-queue"
          title={
            task.queuePosition > 1
              ? t("portal.task.queue", { n: task.queuePosition, env: task.environment.name })
              : t("portal.task.queueNext", { env: task.environment.name })
          }
        />
      ) : null}
      {task.error && ended ? (
        <Alert
          type={status === "canceled" ? "warning" : "error"}
          showIcon
          style={{ marginBottom: 16 }}
          title={t("portal.task.error")}
          description={<Typography.Text style={{ whiteSpace: "pre-wrap" }}>{task.error}</Typography.Text>}
          data-testid="task-error"
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: "type",
              label: t("portal.task.type"),
              children: <Tag>{t(`portal.taskType.${task.type as TTaskType}`)}</Tag>,
            },
            {
              key: "env",
              label: t("portal.common.environment"),
              children: <Link href={`/environments/${task.environment.id}`}>{task.environment.name}</Link>,
            },
            { key: "what", label: t("portal.task.target"), children: what },
            { key: "creator", label: t("portal.task.creator"), children: task.creatorName },
            {
              key: "created",
              label: t("portal.task.created"),
              children: (
                <span>
                  {dateTime(task.createdAt)} (<RelativeTime value={task.createdAt} />)
                </span>
              ),
            },
            {
              key: "started",
              label: t("portal.task.started"),
              children: task.startedAt ? dateTime(task.startedAt) : t("portal.common.none"),
            },
            {
              key: "finished",
              label: t("portal.task.finished"),
              children: task.finishedAt ? dateTime(task.finishedAt) : t("portal.common.none"),
            },
            {
              key: "duration",
              label: t("portal.task.duration"),
              children: task.startedAt ? (
                <Elapsed start={task.startedAt} end={task.finishedAt} />
              ) : (
                t("portal.common.none")
              ),
            },
            ...(props.retries.length
              ? [
                  {
                    key: "retries",
                    label: t("portal.task.retriedAs"),
                    children: (
                      <Flex gap={8}>
                        {props.retries.map((r) => (
                          <Link key={r.id} href={`/tasks/${r.id}`}>
                            #{r.id}
                          </Link>
                        ))}
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Table
          style={{ marginTop: 12 }}
          size="small"
          pagination={false}
          rowKey="componentId"
          dataSource={task.components}
          columns={[
            { title: t("portal.common.component"), dataIndex: "name" },
            {
              title: t("portal.common.tag"),
              render: (_, c) => (
                <Flex gap={4} align="center">
                  <Mono>{c.tag}</Mono>
                  {c.fromBranch ? <Tag color="purple">{t("portal.task.fromBranch")}</Tag> : null}
                </Flex>
              ),
            },
            {
              title: t("portal.task.image"),
              render: (_, c) => (
                <Typography.Text type="secondary">
                  {c.repository}:{c.tag}
                </Typography.Text>
              ),
            },
            { title: t("portal.task.layer"), render: (_, c) => t(`layers.${c.layer}`) },
          ]}
        />
      </Card>
      <Card title={t("portal.log.title")}>
        <LogPanel taskId={task.id} onStatus={setStreamStatus} onEnd={setEndStatus} />
      </Card>
    </>
  );
}

/** The live log in its own component: lines arriving re-render this panel only, not the page. */
function LogPanel(props: {
  taskId: number;
  onStatus: (status: TTaskStatus) => void;
  onEnd: (status: TTaskStatus) => void;
}) {
  const log = useTaskLog(props.taskId);
  const { onStatus, onEnd } = props;
  useEffect(() => {
    if (log.status) onStatus(log.status);
  }, [log.status, onStatus]);
  useEffect(() => {
    if (log.end) onEnd(log.end.status);
  }, [log.end, onEnd]);
  return (
    <LogViewer taskId={props.taskId} store={log.store} version={log.version} connection={log.connection} />
  );
}
