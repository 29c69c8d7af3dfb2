"use client";

import { BranchesOutlined, CloseCircleOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Row,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { api } from "@/components/api-client";
import { DeployButton, DeployProvider } from "@/components/deploy/DeployProvider";
import { useI18n } from "@/components/providers/I18nProvider";
import { useApiAction } from "@/components/settings/use-api-action";
import { LinkedItemTags } from "@/components/tapd/LinkedItemTags";
import type { FeatureCard, TFeatureStatus } from "@/lib/dashboards/features";
import { type Abilities, deployBlock } from "./abilities";
import { LiveRefresh, Mono, PageHeader, RelativeTime } from "./parts";
import { TaskBriefView } from "./TaskBriefView";

const STATUS_COLOR: Record<TFeatureStatus, string> = { new: "blue", open: "green", closed: "default" };

/** The feature-branch dashboard: a card per branch, like the original's. */
export function FeaturesDashboard(props: {
  items: FeatureCard[];
  abilities: Abilities;
  includeClosed: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <DeployProvider abilities={props.abilities}>
      <PageHeader
        crumbs={[{ title: t("portal.features.title") }]}
        title={t("portal.features.title")}
        subtitle={t("portal.features.subtitle")}
        extra={
          <>
            <LiveRefresh />
            <Flex gap={6} align="center">
              <Switch
                size="small"
                id="show-closed"
                checked={props.includeClosed}
                onChange={(on) => router.push(on ? "/features?closed=1" : "/features")}
              />
              <label htmlFor="show-closed">{t("portal.features.showClosed")}</label>
            </Flex>
          </>
        }
      />
      {props.items.length === 0 ? (
        <Card>
          <Empty
            description={
              <>
                <Typography.Paragraph strong>{t("portal.features.emptyTitle")}</Typography.Paragraph>
                <Typography.Paragraph type="secondary">{t("portal.features.emptyHint")}</Typography.Paragraph>
              </>
            }
          />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {props.items.map((f) => (
            <Col key={f.id} xs={24} lg={12} xxl={8}>
              <BranchCard feature={f} abilities={props.abilities} />
            </Col>
          ))}
        </Row>
      )}
    </DeployProvider>
  );
}

function BranchCard({ feature: f, abilities }: { feature: FeatureCard; abilities: Abilities }) {
  const { t } = useI18n();
  const { run, busy } = useApiAction();
  const closeBlock = deployBlock(abilities);
  const closed = f.status === "closed";

  const close = (
    <Popconfirm
      title={t("portal.features.closeConfirm", { branch: f.branch })}
      okText={t("portal.features.close")}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        run(() => api("POST", `/api/v1/features/${f.id}/close`), {
          success: t("portal.features.closed", { branch: f.branch }),
        })
      }
      disabled={closeBlock !== null || closed}
    >
      <Button icon={<CloseCircleOutlined />} loading={busy} disabled={closeBlock !== null || closed}>
        {t("portal.features.close")}
      </Button>
    </Popconfirm>
  );

  return (
    <Card
      data-testid={`feature-card-${f.branch}`}
      title={
        <Flex vertical gap={2} style={{ padding: "8px 0" }}>
          <Flex gap={8} align="center">
            <BranchesOutlined />
            <Typography.Text strong style={{ fontSize: 16 }}>
              {f.title || f.branch}
            </Typography.Text>
            <Tag color={STATUS_COLOR[f.status]} data-testid="feature-status">
              {t(`portal.features.status.${f.status}`)}
            </Tag>
          </Flex>
          <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
            {f.productName} · <Mono>{f.branch}</Mono>
          </Typography.Text>
        </Flex>
      }
      actions={[
        <DeployButton
          key="deploy"
          type="link"
          environment={null}
          prefill={{
            type: "feature",
            productId: f.productId,
            featureBranchId: f.id,
            environmentId: f.lastEnvironment?.id,
          }}
        />,
        closeBlock ? (
          <Tooltip key="close" title={t(closeBlock.key, closeBlock.vars)}>
            <span>{close}</span>
          </Tooltip>
        ) : (
          <span key="close">{close}</span>
        ),
      ]}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "base",
            label: t("portal.features.baseRelease"),
            children: f.baseRelease ? (
              <Mono>{f.baseRelease.version}</Mono>
            ) : (
              <Typography.Text type="warning">{t("portal.features.noBaseRelease")}</Typography.Text>
            ),
          },
          {
            key: "last",
            label: t("portal.features.lastEnvironment"),
            children: f.lastEnvironment ? (
              <Link href={`/environments/${f.lastEnvironment.id}`} data-testid="feature-last-env">
                {f.lastEnvironment.name}
              </Link>
            ) : (
              <Typography.Text type="secondary">{t("portal.features.neverDeployed")}</Typography.Text>
            ),
          },
          {
            key: "age",
            label: t("portal.features.age"),
            children: <RelativeTime value={f.createdAt} />,
          },
          ...(f.lastTask
            ? [
                {
                  key: "task",
                  label: t("portal.features.lastTask"),
                  children: <TaskBriefView task={f.lastTask} showEnvironment />,
                },
              ]
            : []),
          {
            key: "builds",
            label: t("portal.features.builds"),
            children: f.builds.length ? (
              <Flex gap={4} wrap>
                {f.builds.map((b) => (
                  <Tooltip key={b.componentId} title={b.commitSha ? `${b.tag} @ ${b.commitSha}` : b.tag}>
                    <Tag color="purple">{b.name}</Tag>
                  </Tooltip>
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t("portal.features.noBuilds")}</Typography.Text>
            ),
          },
          {
            key: "links",
            label: t("portal.features.links"),
            children: f.links.length ? (
              <LinkedItemTags items={f.links} />
            ) : (
              <Typography.Text type="secondary" data-testid="feature-links-empty">
                {t("portal.features.noLinks")}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
