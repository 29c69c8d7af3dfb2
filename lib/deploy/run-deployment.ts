import { setMaxListeners } from "node:events";
import { deployComponent, removeParked } from "./deploy-component";
import { DeployCanceledError, DeployError, type LogSink } from "./deploy-log";
import { type EngineOptions, engineOptions } from "./engine-options";
import { HostKeyMismatchError } from "./host-key";
import { HostSession } from "./host-session";
import { byLayer, type DeployPlan, type PlannedComponent, type PlannedHost } from "./plan";
import { preflight } from "./preflight";
import { SshConnection, SshError } from "./ssh-connection";

export type DeployHooks = {
  log: LogSink;
  signal: AbortSignal;
  /** First contact with a host: pin the key it presented. */
  onHostKey?: (host: PlannedHost, fingerprint: string) => Promise<void>;
  /** A component now runs the planned tag on a host. */
  onDeployed?: (host: PlannedHost, component: PlannedComponent) => Promise<void>;
  options?: Partial<EngineOptions>;
};

export type DeployResult = { status: "success" | "failed" | "canceled"; error?: string };

/**
 * Runs a deployment: pre-flight on every host first (nothing changes if one fails), then the
 * components of each host in layer order — hosts in parallel, one SSH connection per host.
 */
export async function runDeployment(plan: DeployPlan, hooks: DeployHooks): Promise<DeployResult> {
  const opts = { ...engineOptions(), ...hooks.options };
  // Every command in flight listens to the task's signal: with hosts and pre-flight checks in
  // parallel that is legitimately more than Node's default of 10.
  setMaxListeners(Math.max(10, plan.hosts.length * 8), hooks.signal);
  const sessions: HostSession[] = [];
  const failures: string[] = [];
  const fail = (err: unknown, host?: string) => {
    if (err instanceof DeployCanceledError) return;
    const message =
      err instanceof DeployError || err instanceof SshError || err instanceof HostKeyMismatchError
        ? err.message
        : `unexpected error: ${(err as Error).message}`;
    failures.push(message);
    hooks.log({ host, stream: "error", line: message });
  };

  try {
    // Pre-flight: connect, CLI, disk, registry login — on all hosts before touching any.
    await Promise.all(
      plan.hosts.map(async (host) => {
        try {
          const session = await openSession(host, hooks, opts);
          sessions.push(session);
          await preflight(session, plan, opts);
        } catch (err) {
          fail(err, host.name);
        }
      }),
    );
    if (hooks.signal.aborted) return { status: "canceled" };
    if (failures.length > 0) return { status: "failed", error: `pre-flight failed: ${failures[0]}` };

    await Promise.all(
      sessions.map(async (session) => {
        const host = plan.hosts.find((h) => h.name === session.hostName)!;
        try {
          for (const component of [...host.components].sort(byLayer)) {
            if (failures.length > 0 || hooks.signal.aborted) return;
            await deployComponent(session, component);
            await hooks.onDeployed?.(host, component);
          }
        } catch (err) {
          fail(err, host.name);
        } finally {
          await removeParked(session);
        }
      }),
    );
    if (failures.length > 0) return { status: "failed", error: failures[0] };
    if (hooks.signal.aborted) return { status: "canceled" };
    return { status: "success" };
  } finally {
    for (const s of sessions) s.conn.close();
  }
}

async function openSession(host: PlannedHost, hooks: DeployHooks, opts: EngineOptions): Promise<HostSession> {
  const target = `${host.username}@${host.address}:${host.port}`;
  hooks.log({ host: host.name, stream: "step", line: `connect to ${target}` });
  const conn = await SshConnection.open(
    {
      address: host.address,
      port: host.port,
      username: host.username,
      password: host.password,
      privateKey: host.privateKey,
      expectedFingerprint: host.expectedFingerprint,
    },
    opts.sshTimeoutMs,
  );
  if (!host.expectedFingerprint) {
    hooks.log({
      host: host.name,
      stream: "step",
      line: `first contact: pinned host key ${conn.fingerprint}`,
    });
    await hooks.onHostKey?.(host, conn.fingerprint);
  }
  return new HostSession(conn, host.containerCli, host.name, hooks.log, hooks.signal, opts.commandTimeoutMs);
}
