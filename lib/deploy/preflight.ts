import { DeployError } from "./deploy-log";
import type { EngineOptions } from "./engine-options";
import type { HostSession } from "./host-session";
import type { DeployPlan } from "./plan";

/**
 * Checks a host before anything on it changes: the container CLI answers, the image store has room,
 * and the registry accepts tao's login (the password goes through stdin, never a command line).
 */
export async function preflight(s: HostSession, plan: DeployPlan, opts: EngineOptions): Promise<void> {
  const version = await s.run({ op: "version" }, undefined, { quiet: true, allowFail: true });
  if (version.code !== 0) {
    const why = version.stderr.split("\n").filter(Boolean).pop() ?? `exit code ${version.code}`;
    throw new DeployError(`the container CLI "${s.cli}" does not answer on ${s.hostName}: ${why}`);
  }
  s.log(`${s.cli} ${version.stdout.trim()} answers`);

  const root = (await s.run({ op: "storage-root" }, undefined, { quiet: true })).stdout.trim();
  if (root.startsWith("/")) {
    const df = await s.run({ op: "disk-free", path: root }, undefined, { quiet: true });
    const availableKb = Number(df.stdout.split("\n")[1]?.trim().split(/\s+/)[3]);
    if (Number.isFinite(availableKb)) {
      const freeMb = Math.floor(availableKb / 1024);
      if (freeMb < opts.minFreeDiskMb) {
        throw new DeployError(
          `only ${freeMb} MB free for images on ${s.hostName} (${root}); at least ${opts.minFreeDiskMb} MB are needed`,
        );
      }
      s.log(`${freeMb} MB free in ${root}`);
    }
  }

  const registry = plan.registry;
  if (registry?.username) {
    s.log(`login to ${registry.host}`);
    await s.run({ op: "login", registry: registry.host, username: registry.username }, undefined, {
      stdin: `${registry.password}\n`,
    });
  }
}
