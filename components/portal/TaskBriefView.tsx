"use client";

import { Flex, Typography } from "antd";
import Link from "next/link";
import { useI18n } from "@/components/providers/I18nProvider";
import type { TaskBrief } from "@/lib/dashboards/task-brief";
import { RelativeTime, TaskStatusTag } from "./parts";

/** "#12 Success 私有化产品Demo v1.1.0 · qa · 3 minutes ago", linking to the task. */
export function TaskBriefView({ task, showEnvironment }: { task: TaskBrief; showEnvironment?: boolean }) {
  const { t } = useI18n();
  return (
    <Flex gap={6} align="center" wrap data-testid="task-brief">
      <Link href={`/tasks/${task.id}`} aria-label={t("portal.common.openTask", { id: task.id })}>
        #{task.id}
      </Link>
      <TaskStatusTag status={task.status} />
      <Typography.Text ellipsis style={{ maxWidth: 260 }}>
        {task.summary || t(`portal.taskType.${task.type}`)}
      </Typography.Text>
      {showEnvironment ? (
        <Link href={`/environments/${task.environmentId}`}>{task.environmentName}</Link>
      ) : null}
      <Typography.Text type="secondary">
        {task.creatorName} · <RelativeTime value={task.finishedAt ?? task.startedAt ?? task.createdAt} />
      </Typography.Text>
    </Flex>
  );
}
