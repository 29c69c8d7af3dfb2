"use client";

import { useEffect, useRef, useState } from "react";
import type { TTaskStatus } from "@/lib/domain/enums";

export type LogLine = {
  seq: number;
  ts: string;
  host: string;
  component: string;
  stream: string;
  line: string;
};

/** The lines received so far: appended in place (100 000 lines are not copied per line). */
export type LogStore = { lines: LogLine[]; lastSeq: number; hosts: Set<string>; components: Set<string> };

export type LogConnection = "connecting" | "live" | "reconnecting" | "ended";

/**
 * Follows a task's log over Server-Sent Events. Lines are deduplicated by seq and must arrive
 * without gaps: a duplicate is dropped, a gap reconnects from the last line held (`?after=`),
 * and the browser's own reconnects send Last-Event-ID, so a reconnect resumes exactly where it
 * stopped. After the `end` event the stream is closed (else EventSource would reconnect).
 * Re-renders at most once per animation frame however fast lines come.
 */
export function useTaskLog(taskId: number) {
  const store = useRef<LogStore>({ lines: [], lastSeq: 0, hosts: new Set(), components: new Set() });
  const [version, setVersion] = useState(0);
  const [connection, setConnection] = useState<LogConnection>("connecting");
  const [status, setStatus] = useState<TTaskStatus | null>(null);
  const [end, setEnd] = useState<{ status: TTaskStatus; error: string } | null>(null);

  useEffect(() => {
    store.current = { lines: [], lastSeq: 0, hosts: new Set(), components: new Set() };
    let es: EventSource | null = null;
    let finished = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let frame: number | null = null;
    let gapAt = -1; // lastSeq at which a gap already caused one reconnect

    const bump = () => {
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        setVersion((v) => v + 1);
      });
    };

    const reconnect = (delayMs: number) => {
      es?.close();
      es = null;
      if (finished) return;
      setConnection("reconnecting");
      clearTimeout(retry);
      retry = setTimeout(connect, delayMs);
    };

    function connect() {
      if (finished) return;
      const source = new EventSource(`/api/v1/tasks/${taskId}/logs?after=${store.current.lastSeq}`);
      es = source;
      source.onopen = () => setConnection("live");
      source.addEventListener("line", (e) => {
        const line = JSON.parse((e as MessageEvent<string>).data) as LogLine;
        const s = store.current;
        if (line.seq <= s.lastSeq) return; // already have it
        if (line.seq !== s.lastSeq + 1 && gapAt !== s.lastSeq) {
          gapAt = s.lastSeq; // missing lines: ask again from the last one held (once per position)
          reconnect(0);
          return;
        }
        s.lines.push(line);
        s.lastSeq = line.seq;
        if (line.host) s.hosts.add(line.host);
        if (line.component) s.components.add(line.component);
        bump();
      });
      source.addEventListener("status", (e) => {
        setStatus((JSON.parse((e as MessageEvent<string>).data) as { status: TTaskStatus }).status);
      });
      source.addEventListener("end", (e) => {
        const data = JSON.parse((e as MessageEvent<string>).data) as { status: TTaskStatus; error: string };
        finished = true;
        source.close();
        setEnd(data);
        setStatus(data.status);
        setConnection("ended");
        bump();
      });
      source.addEventListener("error", () => {
        if (finished) return;
        // CONNECTING: the browser retries by itself with Last-Event-ID. CLOSED (an HTTP error or a
        // server-side error event): retry ourselves from the last line held.
        if (source.readyState === EventSource.CLOSED) reconnect(2000);
        else setConnection("reconnecting");
      });
    }

    connect();
    return () => {
      finished = true;
      clearTimeout(retry);
      if (frame !== null) cancelAnimationFrame(frame);
      es?.close();
    };
  }, [taskId]);

  return { store: store.current, version, connection, status, end };
}

/** One line as text, like the original's log: timestamp, [host] [component], the line. */
export function formatLogLine(l: LogLine): string {
  const ts = l.ts.replace("T", " ");
  return `${ts} ${l.host ? `[${l.host}] ` : ""}${l.component ? `[${l.component}] ` : ""}${l.line}`;
}
