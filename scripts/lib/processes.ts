import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";

// Real processes for tests and benchmarks: tao's web server and worker, a private redis-server.

export type Proc = {
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

export function startProcess(cmd: string, args: string[], env: Record<string, string> = {}): Proc {
  // Own process group, so killing it takes npx/tsx/node down together.
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => out,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.pid) {
        try {
          // The whole process group: npx and the server or worker it started.
          process.kill(-child.pid, signal);
        } catch {
          // already gone
        }
      }
      return exited;
    },
  };
}

/** The worker as `node --import tsx`: one process, so its own exit code is what stop() returns. */
export function startWorkerProcess(env: Record<string, string> = {}): Proc {
  return startProcess(process.execPath, ["--import", "tsx", "workers/main.ts"], env);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function startRedis(port: number): Proc {
  return startProcess("redis-server", [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
  ]);
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The production web server (needs `next build` first) on a port of its own. */
export function startWebProcess(port: number, env: Record<string, string> = {}): Proc {
  return startProcess("npx", ["next", "start", "-p", String(port)], { NEXT_TELEMETRY_DISABLED: "1", ...env });
}
