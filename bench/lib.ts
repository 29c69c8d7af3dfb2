import { execFile } from "node:child_process";
import { readTestbed, type TestbedHost } from "@/lib/demo/testbed";
import type { DeployPlan, PlannedComponent, PlannedHost } from "@/lib/deploy/plan";
import { runDeployment } from "@/lib/deploy/run-deployment";
import { DEFAULT_RUN_OPTIONS } from "@/lib/domain/run-options";

// Shared pieces of the deploy benchmarks: the testbed, plans for the engine, and the original's way
// (one ssh per host running login, pull, stop, rm, run) as the baseline.

export const tb = readTestbed();
/** ssh with one line on stdin (the registry password stays off every command line). */
function sshWithStdin(input: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile("ssh", args, (err, _stdout, stderr) =>
      err ? reject(new Error(`script failed: ${stderr.trim()}`)) : resolve(),
    );
    child.stdin?.end(`${input}\n`);
  });
}

export function component(repo: string, tag: string, i = 0): PlannedComponent {
  const name = repo.split("/").pop()!;
  return {
    name,
    image: `${tb.registry.host}/${repo}:${tag}`,
    tag,
    layer: "app",
    sortOrder: i,
    runOptions: DEFAULT_RUN_OPTIONS,
    healthCheck: { kind: "none" },
  };
}

export function plannedHost(h: TestbedHost, components: PlannedComponent[]): PlannedHost {
  return {
    name: h.name,
    address: h.address,
    port: h.port,
    username: h.username,
    password: h.password,
    expectedFingerprint: h.hostKeyFingerprint,
    containerCli: "podman",
    components,
  };
}

export async function engineDeploy(plan: DeployPlan): Promise<number> {
  const started = performance.now();
  const result = await runDeployment(plan, { signal: new AbortController().signal, log: () => {} });
  if (result.status !== "success") throw new Error(`engine: ${result.error}`);
  return performance.now() - started;
}

/** The original's script: for each component, login (once), pull, stop, rm, run — one ssh session per host. */
export async function scriptDeploy(h: TestbedHost, components: PlannedComponent[]): Promise<number> {
  const lines = [
    `echo "$TAO_PW" | podman login -u ${tb.registry.username} --password-stdin ${tb.registry.host} >/dev/null`,
  ];
  for (const c of components) {
    lines.push(
      `podman pull -q ${c.image} >/dev/null`,
      `podman stop ${c.name} >/dev/null 2>&1 || true`,
      `podman rm ${c.name} >/dev/null 2>&1 || true`,
      `podman run --restart on-failure:10 -d --network host -m 3g --log-opt max-size=256m --name ${c.name} ${c.image} >/dev/null 2>&1`,
    );
  }
  const started = performance.now();
  await sshWithStdin(tb.registry.password, [
    "-i",
    tb.hosts[0]!.privateKeyPath,
    "-p",
    String(h.port),
    "-o",
    "StrictHostKeyChecking=no",
    "-o",
    "UserKnownHostsFile=/dev/null",
    "-o",
    "LogLevel=ERROR",
    `${h.username}@${h.address}`,
    `TAO_PW='${tb.registry.password}'; set -e; ${lines.join("; ")}`,
  ]);
  return performance.now() - started;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const registry = () => ({
  host: tb.registry.host,
  username: tb.registry.username,
  password: tb.registry.password,
});
