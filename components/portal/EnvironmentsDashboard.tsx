"use client";

import { CloudServerOutlined, SyncOutlined, WarningOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Flex, Row, Tag, Tooltip, Typography } from "antd";
import Link from "next/link";
import { DeployButton, DeployProvider } from "@/components/deploy/DeployProvider";
import { useI18n } from "@/components/providers/I18nProvider";
import type { EnvironmentSummary, RunningComponent } from "@/lib/dashboards/environments";
import type { Abilities } from "./abilities";
import { LiveRefresh, PageHeader, ProtectedTag } from "./parts";
import { ReleaseMatchView } from "./ReleaseMatchView";
import { TaskBriefView } from "./TaskBriefView";

/** The environments dashboard: one card per environment. */
export function EnvironmentsDashboard({
  items,
  abilities,
}: {
  items: EnvironmentSummary[];
  abilities: Abilities;
}) {
  const { t } = useI18n();
  return (
    <DeployProvider abilities={abilities}>
      <PageHeader
        crumbs={[{ title: t("portal.environments.title") }]}
        title={t("portal.environments.title")}
        subtitle={t("portal.environments.subtitle")}
        extra={<LiveRefresh />}
      />
      {items.length === 0 ? (
        <Card>
          <Empty
            description={
              <>
                <Typography.Paragraph strong>{t("portal.environments.emptyTitle")}</Typography.Paragraph>
                <Typography.Paragraph type="secondary">
                  {abilities.role === "admin"
                    ? t("portal.environments.emptyHintAdmin")
                    : t("portal.environments.emptyHintOther")}
                </Typography.Paragraph>
              </>
            }
          >
            {abilities.role === "admin" ? (
              <Link href="/settings/environments">
                <Button type="primary">{t("portal.environments.createEnvironment")}</Button>
              </Link>
            ) : null}
          </Empty>
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {items.map((env) => (
            <Col key={env.id} xs={24} xl={12} xxl={8}>
              <EnvironmentCard env={env} />
            </Col>
          ))}
        </Row>
      )}
    </DeployProvider>
  );
}

function ComponentTags({ components }: { components: RunningComponent[] }) {
  return (
    <Flex gap={4} wrap>
      {components.map((c) => (
        <Tag
          key={c.componentId}
          color={c.tags.length === 0 ? "error" : c.drifted ? "warning" : undefined}
          data-testid={`running-${c.name}`}
        >
          {c.name}: {c.tags.length ? c.tags.join(" / ") : "—"}
        </Tag>
      ))}
    </Flex>
  );
}

function EnvironmentCard({ env }: { env: EnvironmentSummary }) {
  const { t } = useI18n();
  const firstMatch = env.matches[0];
  const drifted = env.components.some((c) => c.drifted || c.tags.length === 0);
  return (
    <Card
      data-testid={`env-card-${env.name}`}
      title={
        <Flex align="center" gap={8} wrap>
          <CloudServerOutlined />
          <Link href={`/environments/${env.id}`}>{env.name}</Link>
          {env.protected ? <ProtectedTag /> : null}
          {drifted ? (
            <Tooltip title={t("portal.environments.driftedHelp")}>
              <Tag color="warning" icon={<WarningOutlined />}>
                {t("portal.environments.drifted")}
              </Tag>
            </Tooltip>
          ) : null}
        </Flex>
      }
      extra={
        <DeployButton
          environment={env}
          prefill={{
            environmentId: env.id,
            type: "release",
            productId: firstMatch?.productId,
            releaseId: firstMatch?.match.release?.id,
          }}
        />
      }
    >
      <Flex vertical gap={12}>
        {env.description ? <Typography.Text type="secondary">{env.description}</Typography.Text> : null}
        <Flex gap={8} align="center" wrap data-testid="env-state">
          {env.runningTask ? (
            <Link href={`/tasks/${env.runningTask.id}`}>
              <Tag color="processing" icon={<SyncOutlined spin />}>
                {t("portal.environments.busy", { id: env.runningTask.id })}
              </Tag>
            </Link>
          ) : (
            <Tag>{t("portal.environments.idle")}</Tag>
          )}
          {env.waiting > 0 ? (
            <Tag color="blue" data-testid="env-queue">
              {t("portal.environments.queue", { n: env.waiting })}
            </Tag>
          ) : null}
        </Flex>
        {env.components.length === 0 ? (
          <Typography.Text type="secondary">{t("portal.environments.nothingDeployed")}</Typography.Text>
        ) : (
          <>
            <ReleaseMatchView matches={env.matches} compact />
            <ComponentTags components={env.components} />
          </>
        )}
        <div>
          <Typography.Text type="secondary">{t("portal.common.hosts")}: </Typography.Text>
          {env.hosts.length === 0 ? (
            <Typography.Text type="warning">{t("portal.environments.noHosts")}</Typography.Text>
          ) : (
            env.hosts.map((h) => (
              <Tooltip key={h.id} title={h.address}>
                <Tag>{h.name}</Tag>
              </Tooltip>
            ))
          )}
        </div>
        <div>
          <Typography.Text type="secondary">{t("portal.environments.lastTask")}: </Typography.Text>
          {env.lastTask ? (
            <TaskBriefView task={env.lastTask} />
          ) : (
            <Typography.Text type="secondary">{t("portal.environments.noTasks")}</Typography.Text>
          )}
        </div>
      </Flex>
    </Card>
  );
}
