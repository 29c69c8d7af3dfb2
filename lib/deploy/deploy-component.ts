import { DeployCanceledError, DeployError } from "./deploy-log";
import { describeCheck, waitHealthy } from "./health-check";
import type { HostSession } from "./host-session";
import type { PlannedComponent } from "./plan";
import { displayCommand } from "./remote-command";

const LOG_TAIL = 20;

/** The name the previous container is parked under while its replacement proves healthy. */
export const previousName = (name: string) => `${name}.tao-prev`;

/**
 * Deploys one component on one host: pull; park the running container (stop + rename); run the new
 * one; health check. When the new container is unhealthy, or the task is canceled after the old one
 * was stopped, the old container is put back and started again.
 */
export async function deployComponent(s: HostSession, c: PlannedComponent): Promise<void> {
  const log = (line: string, stream: "step" | "error" = "step") => s.log(line, c.name, stream);
  log(`start to deploy ${c.image}`);
  log(`pull image of "${c.name}" from docker registry`);
  await s.run({ op: "pull", image: c.image }, c.name);

  // A parked container left by an interrupted earlier run is stale by now.
  if (s.containers.has(previousName(c.name))) {
    await s.run({ op: "rm", names: [previousName(c.name)] }, c.name, { quiet: true });
    s.containers.delete(previousName(c.name));
  }

  const previous = s.containers.get(c.name);
  let parked = false;
  try {
    if (previous) {
      log(
        `stop and remove container "${c.name}" (kept as "${previousName(c.name)}" until the new one is healthy)`,
      );
      await s.run({ op: "stop", name: c.name }, c.name, { quiet: true });
      await s.run({ op: "rename", from: c.name, to: previousName(c.name) }, c.name, { quiet: true });
      s.containers.delete(c.name);
      s.containers.set(previousName(c.name), previous);
      parked = true;
    }
    log(displayCommand(s.cli, { op: "run", name: c.name, image: c.image, options: c.runOptions }));
    await s.run({ op: "run", name: c.name, image: c.image, options: c.runOptions }, c.name);
    s.containers.set(c.name, { image: c.image, state: "running" });
    log(describeCheck(c.healthCheck));
    const problem = await withContainerLog(s, c, () => waitHealthy(s, c.name, c.healthCheck));
    if (problem) {
      log(`health check failed: ${problem}`, "error");
      await logTail(s, c.name);
      throw new DeployError(`${c.name} on ${s.hostName} is unhealthy: ${problem}`);
    }
    log(`"${c.name}" is up with ${c.image}`);
  } catch (err) {
    if (err instanceof DeployError || err instanceof DeployCanceledError) {
      await restore(s, c, parked ? previous?.image : undefined);
    }
    throw err;
  }
  if (parked) s.parked.push(previousName(c.name));
}

/** Removes the old containers this task parked on a host, in one command, once its components are done. */
export async function removeParked(s: HostSession): Promise<void> {
  if (s.parked.length === 0) return;
  await s.run({ op: "rm", names: s.parked }, undefined, { quiet: true, allowFail: true, signal: null });
  for (const name of s.parked) s.containers.delete(name);
  s.parked = [];
}

/**
 * While the new container proves itself, its own output (stdout/stderr, line by line) goes into the
 * task log, so people watch the application boot rather than a silent wait.
 */
async function withContainerLog<T>(s: HostSession, c: PlannedComponent, check: () => Promise<T>): Promise<T> {
  if (c.healthCheck.kind === "none") return check();
  const stop = new AbortController();
  const cancel = () => stop.abort();
  s.signal.addEventListener("abort", cancel, { once: true });
  const following = s
    .run({ op: "logs-follow", name: c.name }, c.name, { signal: stop.signal, allowFail: true })
    .catch(() => undefined);
  try {
    return await check();
  } finally {
    stop.abort();
    s.signal.removeEventListener("abort", cancel);
    await following;
  }
}

async function logTail(s: HostSession, name: string) {
  const res = await s.run({ op: "logs", name, tail: LOG_TAIL }, name, {
    quiet: true,
    allowFail: true,
    signal: null,
  });
  const lines = [...res.stdout.split("\n"), ...res.stderr.split("\n")].filter(Boolean).slice(-LOG_TAIL);
  if (lines.length === 0) return;
  s.log(`last ${lines.length} line(s) of the container's log:`, name, "error");
  for (const line of lines) s.log(`  ${line}`, name, "error");
}

/** Removes the new container and brings the parked one back, even when the task was canceled. */
async function restore(s: HostSession, c: PlannedComponent, previousImage: string | undefined) {
  const opts = { quiet: true, allowFail: true, signal: null } as const;
  await s.run({ op: "rm", names: [c.name] }, c.name, opts);
  s.containers.delete(c.name);
  if (previousImage === undefined) return;
  const renamed = await s.run({ op: "rename", from: previousName(c.name), to: c.name }, c.name, opts);
  const started = renamed.code === 0 ? await s.run({ op: "start", name: c.name }, c.name, opts) : renamed;
  if (renamed.code === 0) {
    s.containers.delete(previousName(c.name));
    s.containers.set(c.name, { image: previousImage, state: started.code === 0 ? "running" : "exited" });
  }
  if (started.code === 0) s.log(`restored the previous container "${c.name}" (${previousImage})`, c.name);
  else
    s.log(`could not restore the previous container "${c.name}": ${started.stderr.trim()}`, c.name, "error");
}
