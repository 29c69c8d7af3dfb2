"use client";

import { CopyOutlined, DownloadOutlined, VerticalAlignBottomOutlined } from "@ant-design/icons";
import { useVirtualizer } from "@tanstack/react-virtual";
import { App, Badge, Button, Flex, Input, Select, Typography } from "antd";
import { type ReactNode, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/providers/I18nProvider";
import { formatLogLine, type LogConnection, type LogLine, type LogStore } from "./use-task-log";

const ROW_HEIGHT = 20;

const STREAM_COLOR: Record<string, string> = {
  step: "#e6f4ff",
  stdout: "#d9d9d9",
  stderr: "#ffd591",
  error: "#ff7875",
};

function highlight(text: string, needle: string): ReactNode {
  if (!needle) return text;
  const lower = text.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle, from); at !== -1; at = lower.indexOf(needle, from)) {
    parts.push(text.slice(from, at));
    parts.push(<mark key={at}>{text.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * A task's log: virtualised (only the visible rows are in the page, so 100 000 lines stay smooth),
 * following the end until the user scrolls up and again once they are back at the bottom; search,
 * host and component filters; copy and download of the lines shown.
 */
export function LogViewer(props: {
  taskId: number;
  store: LogStore;
  version: number;
  connection: LogConnection;
  height?: number;
}) {
  const { store, version } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [search, setSearch] = useState("");
  const [host, setHost] = useState<string | undefined>();
  const [component, setComponent] = useState<string | undefined>();
  const needle = useDeferredValue(search.trim().toLowerCase());
  const filtering = Boolean(needle || host || component);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes when lines are appended in place
  const rows: LogLine[] = useMemo(() => {
    if (!filtering) return store.lines;
    return store.lines.filter(
      (l) =>
        (!host || l.host === host) &&
        (!component || l.component === component) &&
        (!needle || l.line.toLowerCase().includes(needle)),
    );
  }, [store, version, filtering, host, component, needle]);
  const count = filtering ? rows.length : store.lines.length;

  const parentRef = useRef<HTMLDivElement>(null);
  const follow = useRef(true);
  const [following, setFollowing] = useState(true);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
  });

  // Follow the end: after every render that added rows, if following, jump to the bottom.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when rows arrive (version) or filters change (count)
  useLayoutEffect(() => {
    const el = parentRef.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [count, version]);

  function onScroll() {
    const el = parentRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT;
    if (atBottom !== follow.current) {
      follow.current = atBottom;
      setFollowing(atBottom);
    }
  }

  function resume() {
    follow.current = true;
    setFollowing(true);
    const el = parentRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }

  const text = () => rows.map(formatLogLine).join("\n");

  async function copy() {
    const body = text();
    try {
      await navigator.clipboard.writeText(body);
    } catch {
      // Not a secure context, or no permission: the old way.
      const area = document.createElement("textarea");
      area.value = body;
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      if (!ok) {
        message.error(t("portal.log.copyFailed"));
        return;
      }
    }
    message.success(t("portal.log.copied", { n: rows.length }));
  }

  function download() {
    const blob = new Blob([`${text()}\n`], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `task-${props.taskId}.log`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const connectionBadge: Record<LogConnection, ReactNode> = {
    connecting: <Badge status="default" text={t("portal.log.connecting")} />,
    live: <Badge status="processing" text={t("portal.log.live")} />,
    reconnecting: <Badge status="warning" text={t("portal.log.reconnecting")} />,
    ended: <Badge status="success" text={t("portal.log.ended")} />,
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div data-testid="log-viewer">
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          aria-label={t("portal.log.search")}
          placeholder={t("portal.log.search")}
          style={{ width: 260 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="log-search"
        />
        <Select
          allowClear
          aria-label={t("portal.log.host")}
          placeholder={t("portal.log.allHosts")}
          style={{ minWidth: 180 }}
          value={host}
          onChange={(v?: string) => setHost(v)}
          options={[...store.hosts].sort().map((h) => ({ value: h, label: h }))}
        />
        <Select
          allowClear
          aria-label={t("portal.log.component")}
          placeholder={t("portal.log.allComponents")}
          style={{ minWidth: 180 }}
          value={component}
          onChange={(v?: string) => setComponent(v)}
          options={[...store.components].sort().map((c) => ({ value: c, label: c }))}
        />
        <Button icon={<CopyOutlined />} onClick={copy} disabled={rows.length === 0}>
          {t("portal.log.copy")}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download} disabled={rows.length === 0}>
          {t("portal.log.download")}
        </Button>
        <Flex gap={12} align="center" style={{ marginLeft: "auto" }}>
          <Typography.Text type="secondary" data-testid="log-count" data-count={store.lines.length}>
            {filtering
              ? t("portal.log.shown", { shown: rows.length, total: store.lines.length })
              : t("portal.log.lines", { n: store.lines.length })}
          </Typography.Text>
          {connectionBadge[props.connection]}
        </Flex>
      </Flex>
      <div style={{ position: "relative" }}>
        <div
          ref={parentRef}
          onScroll={onScroll}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard
          tabIndex={0}
          role="log"
          aria-label={t("portal.log.title")}
          data-testid="log-scroller"
          data-following={following}
          style={{
            height: props.height ?? 480,
            overflow: "auto",
            background: "#141414",
            borderRadius: 6,
            fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
            fontSize: 12.5,
            lineHeight: `${ROW_HEIGHT}px`,
            color: STREAM_COLOR.stdout,
          }}
        >
          {count === 0 ? (
            <div style={{ padding: 12, color: "#8c8c8c" }}>
              {filtering && store.lines.length > 0 ? t("portal.log.noMatches") : t("portal.log.empty")}
            </div>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: "relative", minWidth: "100%" }}>
              {items.map((item) => {
                const l = rows[item.index];
                if (!l) return null;
                return (
                  <div
                    key={l.seq}
                    data-testid="log-line"
                    data-seq={l.seq}
                    style={{
                      position: "absolute",
                      top: 0,
                      left: 0,
                      minWidth: "100%",
                      height: ROW_HEIGHT,
                      transform: `translateY(${item.start}px)`,
                      whiteSpace: "pre",
                      padding: "0 12px",
                      color: STREAM_COLOR[l.stream] ?? STREAM_COLOR.stdout,
                      fontWeight: l.stream === "step" ? 600 : 400,
                    }}
                  >
                    <span style={{ color: "#8c8c8c" }} title={l.ts}>
                      {l.ts.slice(11, 23)}
                    </span>{" "}
                    {l.host ? <span style={{ color: "#95de64" }}>[{l.host}] </span> : null}
                    {l.component ? <span style={{ color: "#69b1ff" }}>[{l.component}] </span> : null}
                    {highlight(l.line, needle)}
                  </div>
                );
              })}
            </div>
          )}
        </div>
        {!following && count > 0 ? (
          <Flex
            justify="center"
            align="center"
            gap={8}
            style={{ position: "absolute", bottom: 12, left: 0, right: 0, pointerEvents: "none" }}
          >
            <Button
              size="small"
              type="primary"
              icon={<VerticalAlignBottomOutlined />}
              onClick={resume}
              style={{ pointerEvents: "auto" }}
              data-testid="log-follow"
              title={t("portal.log.paused")}
            >
              {t("portal.log.follow")}
            </Button>
          </Flex>
        ) : null}
      </div>
    </div>
  );
}
