import type { THealthCheck } from "@/lib/domain/health-check";
import { DeployCanceledError } from "./deploy-log";
import type { HostSession } from "./host-session";

const POLL_MS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until a freshly started container is healthy. Returns undefined when healthy, else the
 * reason. The container exiting (or restarting) fails every kind of check at once.
 */
export async function waitHealthy(
  session: HostSession,
  name: string,
  check: THealthCheck,
): Promise<string | undefined> {
  if (check.kind === "none") return undefined;
  const first = await session.inspect(name);
  if (!first) return "the container disappeared right after it was started";
  const started = Date.now();
  const limitMs = (check.kind === "running" ? check.seconds : check.timeoutSeconds) * 1000;
  let lastProblem = "";
  for (;;) {
    if (session.signal.aborted) throw new DeployCanceledError();
    const state = await session.inspect(name);
    if (!state) return "the container disappeared";
    if (!state.running) return `the container stopped (status ${state.status}, exit code ${state.exitCode})`;
    if (state.restarts > first.restarts)
      return `the container restarted ${state.restarts - first.restarts} time(s)`;
    const elapsed = Date.now() - started;
    if (check.kind === "running") {
      if (elapsed >= limitMs) return undefined;
    } else if (check.kind === "tcp") {
      if (await session.conn.tcpOpen("127.0.0.1", check.port)) return undefined;
      lastProblem = `nothing accepts connections on port ${check.port}`;
    } else {
      try {
        const status = await session.conn.httpGet(new URL(check.url), 5000);
        const ok = check.expectStatus ? status === check.expectStatus : status >= 200 && status < 400;
        if (ok) return undefined;
        lastProblem = `${check.url} answered HTTP ${status}`;
      } catch (err) {
        lastProblem = `${check.url}: ${(err as Error).message}`;
      }
    }
    if (elapsed >= limitMs) return `not healthy after ${Math.round(limitMs / 1000)} s: ${lastProblem}`;
    await sleep(POLL_MS);
  }
}

/** One line describing a check, for the log. */
export function describeCheck(check: THealthCheck): string {
  switch (check.kind) {
    case "none":
      return "no health check";
    case "running":
      return `health check: running for ${check.seconds} s`;
    case "tcp":
      return `health check: TCP port ${check.port} within ${check.timeoutSeconds} s`;
    case "http":
      return `health check: GET ${check.url} within ${check.timeoutSeconds} s`;
  }
}
