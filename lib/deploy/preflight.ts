import type { TContainerCli } from "@/lib/domain/enums";
import { parseContainerList } from "./container-list";
import { DeployError } from "./deploy-log";
import type { EngineOptions } from "./engine-options";
import type { HostSession } from "./host-session";
import type { DeployPlan } from "./plan";

const ROOT_TTL_MS = 10 * 60_000;
// `podman info` takes about a second: the image store's location is remembered per host for a while.
const storageRoots = new Map<string, { root: string; at: number }>();

/**
 * Checks a host before anything on it changes, in parallel: the container CLI answers (and lists the
 * containers, which the deploy steps then use), the image store has room, and the registry accepts
 * tao's login (the password goes through stdin, never a command line).
 */
export async function preflight(s: HostSession, plan: DeployPlan, opts: EngineOptions): Promise<void> {
  await Promise.all([listContainers(s), checkDisk(s, opts), login(s, plan)]);
}

async function listContainers(s: HostSession) {
  const ps = await s.run({ op: "ps" }, undefined, { quiet: true, allowFail: true });
  if (ps.code !== 0) {
    const why = ps.stderr.split("\n").filter(Boolean).pop() ?? `exit code ${ps.code}`;
    throw new DeployError(`the container CLI "${s.cli}" does not answer on ${s.hostName}: ${why}`);
  }
  s.containers = parseContainerList(ps.stdout);
  s.log(`${s.cli} answers (${s.containers.size} container(s) on the host)`);
}

async function checkDisk(s: HostSession, opts: EngineOptions) {
  const root = await storageRoot(s);
  if (!root.startsWith("/")) return;
  const df = await s.run({ op: "disk-free", path: root }, undefined, { quiet: true });
  const availableKb = Number(df.stdout.split("\n")[1]?.trim().split(/\s+/)[3]);
  if (!Number.isFinite(availableKb)) return;
  const freeMb = Math.floor(availableKb / 1024);
  if (freeMb < opts.minFreeDiskMb) {
    throw new DeployError(
      `only ${freeMb} MB free for images on ${s.hostName} (${root}); at least ${opts.minFreeDiskMb} MB are needed`,
    );
  }
  s.log(`${freeMb} MB free in ${root}`);
}

async function storageRoot(s: HostSession): Promise<string> {
  const key = `${s.conn.target}|${s.cli satisfies TContainerCli}`;
  const cached = storageRoots.get(key);
  if (cached && Date.now() - cached.at < ROOT_TTL_MS) return cached.root;
  const res = await s.run({ op: "storage-root" }, undefined, { quiet: true, allowFail: true });
  const root = res.code === 0 ? res.stdout.trim() : "";
  if (root) storageRoots.set(key, { root, at: Date.now() });
  return root;
}

async function login(s: HostSession, plan: DeployPlan) {
  const registry = plan.registry;
  if (!registry?.username) return;
  s.log(`login to ${registry.host}`);
  await s.run({ op: "login", registry: registry.host, username: registry.username }, undefined, {
    stdin: `${registry.password}\n`,
  });
}
