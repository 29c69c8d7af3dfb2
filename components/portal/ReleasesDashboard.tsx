"use client";

import { TagsOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Flex, Select, Table, Tag, Tooltip, Typography } from "antd";
import Link from "next/link";
import { useState } from "react";
import { DeployButton, DeployProvider } from "@/components/deploy/DeployProvider";
import { DiffTable } from "@/components/deploy/DiffTable";
import { useI18n } from "@/components/providers/I18nProvider";
import { diffTarget } from "@/lib/dashboards/compare";
import type {
  EnvironmentRunning,
  ProductReleases,
  ReleaseCard,
  ReleasesOverview,
} from "@/lib/dashboards/releases";
import type { Abilities } from "./abilities";
import { LiveRefresh, PageHeader, RelativeTime } from "./parts";

const RELEASE_STATUS_COLOR: Record<string, string> = {
  draft: "default",
  released: "blue",
  archived: "default",
};

/** The releases dashboard: per product its releases, where each runs, deploy, diff against an environment. */
export function ReleasesDashboard({ data, abilities }: { data: ReleasesOverview; abilities: Abilities }) {
  const { t } = useI18n();
  return (
    <DeployProvider abilities={abilities}>
      <PageHeader
        crumbs={[{ title: t("portal.releases.title") }]}
        title={t("portal.releases.title")}
        subtitle={t("portal.releases.subtitle")}
        extra={<LiveRefresh />}
      />
      {data.products.length === 0 ? (
        <Card>
          <Empty
            description={
              <>
                <Typography.Paragraph strong>{t("portal.releases.emptyTitle")}</Typography.Paragraph>
                <Typography.Paragraph type="secondary">
                  {abilities.role === "admin"
                    ? t("portal.releases.emptyHintAdmin")
                    : t("portal.releases.emptyHintOther")}
                </Typography.Paragraph>
              </>
            }
          >
            {abilities.role === "admin" ? (
              <Link href="/settings/products">
                <Button type="primary">{t("nav.products")}</Button>
              </Link>
            ) : null}
          </Empty>
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {data.products.map((p) => (
            <ProductCard key={p.id} product={p} environments={data.environments} />
          ))}
        </Flex>
      )}
    </DeployProvider>
  );
}

function ProductCard({
  product,
  environments,
}: {
  product: ProductReleases;
  environments: EnvironmentRunning[];
}) {
  const { t } = useI18n();
  const [compare, setCompare] = useState<Record<string, string | undefined>>({});
  const envById = new Map(environments.map((e) => [e.id, e]));

  return (
    <Card
      data-testid={`product-${product.name}`}
      title={
        <Flex align="center" gap={8}>
          <TagsOutlined />
          {product.name}
          {product.description ? (
            <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
              {product.description}
            </Typography.Text>
          ) : null}
        </Flex>
      }
    >
      {product.releases.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("portal.releases.noReleases")} />
      ) : (
        <Table<ReleaseCard>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={product.releases}
          scroll={{ x: "max-content" }}
          onRow={(r) => ({ "data-testid": `release-row-${r.version}` }) as React.HTMLAttributes<HTMLElement>}
          expandable={{
            showExpandColumn: false,
            expandedRowKeys: Object.entries(compare)
              .filter(([, envId]) => envId)
              .map(([id]) => id),
            expandedRowRender: (r) => {
              const env = envById.get(compare[r.id] ?? "");
              if (!env) return null;
              const rows = diffTarget(r.items, env.byProduct[product.id] ?? [], { onlyInEnv: true });
              return (
                <div data-testid={`release-diff-${r.version}`}>
                  <Typography.Text strong>
                    {r.version} → {env.name}
                  </Typography.Text>
                  <DiffTable rows={rows} targetTitle={r.version} />
                </div>
              );
            },
          }}
          columns={[
            {
              title: t("portal.common.version"),
              render: (_, r) => (
                <Flex vertical gap={2}>
                  <Flex gap={6} align="center">
                    <Typography.Text strong>{r.version}</Typography.Text>
                    <Tag color={RELEASE_STATUS_COLOR[r.status]}>
                      {t(`portal.releases.status.${r.status as "draft" | "released" | "archived"}`)}
                    </Tag>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <RelativeTime value={r.createdAt} />
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t("portal.common.components"),
              render: (_, r) => (
                <Flex gap={4} wrap style={{ maxWidth: 360 }}>
                  {r.items.map((i) => (
                    <Tag key={i.componentId}>
                      {i.name}: {i.tag}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              title: t("portal.releases.runsIn"),
              render: (_, r) =>
                r.runningIn.length ? (
                  <Flex gap={4} wrap data-testid="runs-in">
                    {r.runningIn.map((e) => (
                      <Link key={e.id} href={`/environments/${e.id}`}>
                        <Tag color="green">{e.name}</Tag>
                      </Link>
                    ))}
                  </Flex>
                ) : (
                  <Typography.Text type="secondary" data-testid="runs-in">
                    {t("portal.releases.runsNowhere")}
                  </Typography.Text>
                ),
            },
            {
              title: (
                <Tooltip title={t("portal.releases.compareHelp")}>
                  <span>{t("portal.releases.compare")}</span>
                </Tooltip>
              ),
              render: (_, r) => (
                <Select
                  size="small"
                  allowClear
                  style={{ width: 160 }}
                  aria-label={`${t("portal.releases.compare")} ${r.version}`}
                  placeholder={t("portal.releases.pickEnvironment")}
                  value={compare[r.id]}
                  onChange={(envId?: string) => setCompare((c) => ({ ...c, [r.id]: envId }))}
                  options={environments.map((e) => ({ value: e.id, label: e.name, title: e.name }))}
                />
              ),
            },
            {
              key: "deploy",
              align: "right",
              fixed: "right",
              render: (_, r) => {
                const env = envById.get(compare[r.id] ?? "");
                return (
                  <DeployButton
                    size="small"
                    environment={env ?? null}
                    prefill={{
                      type: "release",
                      productId: product.id,
                      releaseId: r.id,
                      environmentId: env?.id,
                    }}
                  />
                );
              },
            },
          ]}
        />
      )}
    </Card>
  );
}
