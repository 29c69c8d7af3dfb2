"use client";

import { Tabs, Typography } from "antd";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/providers/I18nProvider";
import { SettingsBreadcrumb } from "@/components/settings/form-parts";
import { ConnectionForm } from "./ConnectionForm";
import { FeatureLinksTable } from "./FeatureLinksTable";
import { SyncRunsTable } from "./SyncRunsTable";
import type { FeatureLinkRow, ProductOption, RunRow, TapdSettingsValues, WorkspaceRow } from "./types";
import { WorkspacesTable } from "./WorkspacesTable";

const POLL_MS = 3000;
const POLL_FOR_MS = 120_000;

/** Settings → TAPD: connection, workspaces ↔ products, sync runs, feature links. */
export function TapdSettings(props: {
  settings: TapdSettingsValues;
  workspaces: WorkspaceRow[];
  runs: RunRow[];
  products: ProductOption[];
  features: FeatureLinkRow[];
}) {
  const { t, dateTime } = useI18n();
  const router = useRouter();
  const [tab, setTab] = useState("connection");
  const [watchUntil, setWatchUntil] = useState(0);
  const running = props.runs.some((r) => r.status === "running");

  // While a sync waits or runs, refresh the server-rendered page so its run shows up and finishes.
  useEffect(() => {
    if (!running && Date.now() > watchUntil) return;
    const timer = setInterval(() => {
      if (Date.now() > watchUntil && !running) clearInterval(timer);
      router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, watchUntil, router]);

  const last = props.runs[0];
  return (
    <>
      <SettingsBreadcrumb items={[{ title: t("tapd.title") }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("tapd.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("tapd.subtitle")} {t("tapd.connection.lastRun")}:{" "}
        {last
          ? `${dateTime(last.startedAt)} · ${t(`tapd.runs.statuses.${last.status as "success"}`)}`
          : t("tapd.connection.never")}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: "connection",
            label: t("tapd.tabs.connection"),
            children: (
              <ConnectionForm
                settings={props.settings}
                onSyncQueued={() => {
                  setWatchUntil(Date.now() + POLL_FOR_MS);
                  setTab("runs");
                }}
              />
            ),
          },
          {
            key: "workspaces",
            label: `${t("tapd.tabs.workspaces")} (${props.workspaces.length})`,
            children: <WorkspacesTable workspaces={props.workspaces} products={props.products} />,
          },
          { key: "runs", label: t("tapd.tabs.runs"), children: <SyncRunsTable runs={props.runs} /> },
          {
            key: "links",
            label: t("tapd.tabs.links"),
            children: <FeatureLinksTable features={props.features} />,
          },
        ]}
      />
    </>
  );
}
