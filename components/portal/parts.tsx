"use client";

import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  LockOutlined,
  MinusCircleOutlined,
  QuestionCircleOutlined,
  StopOutlined,
  SyncOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import { Badge, Breadcrumb, Flex, Tag, Tooltip, Typography } from "antd";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/providers/I18nProvider";
import type { DiffStatus } from "@/lib/dashboards/compare";
import type { TTaskStatus } from "@/lib/domain/enums";
import { formatDuration } from "@/lib/i18n/format-time";
import type { Drift } from "@/lib/inventory/drift";

// Small pieces every portal page uses: the page header, status tags, drift marks, live refresh.

/** Breadcrumb, title and the page's main actions, laid out as antd's page headers are. */
export function PageHeader(props: {
  crumbs: { title: ReactNode; href?: string }[];
  title: ReactNode;
  subtitle?: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={props.crumbs.map((c) => ({ title: c.href ? <Link href={c.href}>{c.title}</Link> : c.title }))}
      />
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {props.title}
          </Typography.Title>
          {props.tags}
          {props.subtitle ? <Typography.Text type="secondary">{props.subtitle}</Typography.Text> : null}
        </Flex>
        {props.extra ? (
          <Flex gap={8} wrap align="center">
            {props.extra}
          </Flex>
        ) : null}
      </Flex>
    </div>
  );
}

const STATUS_LOOK: Record<TTaskStatus, { color: string; icon: ReactNode }> = {
  waiting: { color: "default", icon: <ClockCircleOutlined /> },
  running: { color: "processing", icon: <SyncOutlined spin /> },
  success: { color: "success", icon: <CheckCircleOutlined /> },
  failed: { color: "error", icon: <CloseCircleOutlined /> },
  canceled: { color: "warning", icon: <StopOutlined /> },
};

export function TaskStatusTag({ status, testId }: { status: TTaskStatus; testId?: string }) {
  const { t } = useI18n();
  const look = STATUS_LOOK[status];
  return (
    <Tag color={look.color} icon={look.icon} data-testid={testId} data-status={status}>
      {t(`portal.taskStatus.${status}`)}
    </Tag>
  );
}

export function ProtectedTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t("portal.common.protectedHelp")}>
      <Tag color="gold" icon={<LockOutlined />} data-testid="protected-tag">
        {t("portal.common.protected")}
      </Tag>
    </Tooltip>
  );
}

const DRIFT_LOOK: Record<Drift, { color: string; icon: ReactNode }> = {
  "in-sync": { color: "success", icon: <CheckCircleOutlined /> },
  "other-tag": { color: "warning", icon: <WarningOutlined /> },
  "not-running": { color: "error", icon: <ExclamationCircleOutlined /> },
  missing: { color: "error", icon: <MinusCircleOutlined /> },
  unchecked: { color: "default", icon: <QuestionCircleOutlined /> },
};

/** A drift marker with a tooltip that says what was seen and when. */
export function DriftMark(props: {
  drift: Drift;
  deployedTag: string;
  observedImage: string | null;
  observedState: string | null;
  observedAt: string | null;
  deployedAt: string;
}) {
  const { t, dateTime } = useI18n();
  const at = props.observedAt ? dateTime(props.observedAt) : "";
  const help: Record<Drift, string> = {
    "in-sync": t("portal.drift.inSyncHelp", { at }),
    "other-tag": t("portal.drift.otherTagHelp", {
      deployed: props.deployedTag,
      observed: props.observedImage ?? "?",
      at,
    }),
    "not-running": t("portal.drift.notRunningHelp", { state: props.observedState ?? "?", at }),
    missing: t("portal.drift.missingHelp", { deployed: props.deployedTag, at }),
    unchecked: t("portal.drift.uncheckedHelp", { at: dateTime(props.deployedAt) }),
  };
  const look = DRIFT_LOOK[props.drift];
  return (
    <Tooltip title={help[props.drift]}>
      <Tag
        color={look.color}
        icon={look.icon}
        variant="outlined"
        data-testid="drift"
        data-drift={props.drift}
      >
        {t(`portal.drift.${props.drift}`)}
      </Tag>
    </Tooltip>
  );
}

const DIFF_COLOR: Record<DiffStatus, string> = {
  changed: "orange",
  unchanged: "default",
  new: "green",
  "only-in-env": "purple",
};

export function DiffStatusTag({ status }: { status: DiffStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={DIFF_COLOR[status]} data-diff={status}>
      {t(`portal.diff.${status}`)}
    </Tag>
  );
}

/** A tag value in monospace, e.g. an image tag. */
export function Mono({ children }: { children: ReactNode }) {
  return <Typography.Text code>{children}</Typography.Text>;
}

/**
 * Keeps a server-rendered page current: polls the dashboards' fingerprint every `intervalMs` while
 * the tab is visible and re-renders the page (router.refresh) when it changed. Shows a "Live" badge.
 */
export function LiveRefresh({ intervalMs = 2000 }: { intervalMs?: number }) {
  const router = useRouter();
  const { t } = useI18n();
  const last = useRef<string | null>(null);
  const [online, setOnline] = useState(true);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (document.visibilityState === "visible") {
        try {
          const res = await fetch("/api/v1/dashboards/pulse", {
            cache: "no-store",
            credentials: "same-origin",
          });
          if (!res.ok) throw new Error(String(res.status));
          const { signature } = (await res.json()) as { signature: string };
          if (last.current !== null && last.current !== signature) router.refresh();
          last.current = signature;
          if (!stopped) setOnline(true);
        } catch {
          if (!stopped) setOnline(false);
        }
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [router, intervalMs]);

  return (
    <Tooltip title={online ? t("portal.common.liveHelp") : t("portal.common.offline")}>
      <Badge
        status={online ? "processing" : "error"}
        text={<Typography.Text type="secondary">{t("portal.common.live")}</Typography.Text>}
        data-testid="live-badge"
      />
    </Tooltip>
  );
}

/**
 * How long something took, or has been running: ticks every second until it has an end. Rendered
 * after hydration only (the server's clock and the browser's differ).
 */
export function Elapsed({ start, end }: { start: string; end: string | null }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    if (end) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [end]);
  const until = end ? new Date(end).getTime() : now;
  return (
    <span data-testid="elapsed" suppressHydrationWarning>
      {until === null ? "" : formatDuration(until - new Date(start).getTime())}
    </span>
  );
}

/** "3 minutes ago", with the exact time as a tooltip; re-rendered every 30 s. */
export function RelativeTime({ value }: { value: string }) {
  const { relative, dateTime } = useI18n();
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span title={dateTime(value)} suppressHydrationWarning>
      {relative(value)}
    </span>
  );
}
