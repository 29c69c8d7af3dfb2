import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import { NodeSSH } from "node-ssh";
import { fingerprintOf, HostKeyMismatchError } from "./host-key";
import { LineSplitter } from "./line-splitter";
import { PID_MARKER, remoteCommand, withPidMarker } from "./remote-command";

export type SshTarget = {
  address: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string;
  /** The pinned fingerprint; null/undefined = first contact, whatever the host presents is recorded. */
  expectedFingerprint?: string | null;
};

export type ExecOptions = {
  stdin?: string;
  onLine?: (stream: "stdout" | "stderr", line: string) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
};
export type ExecResult = { code: number | null; stdout: string; stderr: string };

export class SshError extends Error {}
export class CommandAbortedError extends Error {
  constructor(
    readonly reason: "canceled" | "timeout",
    timeoutMs?: number,
  ) {
    super(
      reason === "timeout"
        ? `the command did not finish within ${Math.round((timeoutMs ?? 0) / 1000)} s`
        : "canceled",
    );
  }
}

/** Explains an ssh2 connection error in words an operator can act on. */
function describeConnectError(
  err: Error & { code?: string; level?: string },
  target: string,
  timeoutMs: number,
): string {
  if (err.code === "ECONNREFUSED")
    return `cannot connect to ${target}: connection refused (is sshd running on that port?)`;
  if (err.code === "EHOSTUNREACH" || err.code === "ENETUNREACH")
    return `cannot reach ${target}: no route to host`;
  if (err.code === "ENOTFOUND") return `cannot resolve the address of ${target}`;
  if (err.level === "client-timeout" || /Timed out/i.test(err.message))
    return `no SSH answer from ${target} within ${Math.round(timeoutMs / 1000)} s`;
  if (err.level === "client-authentication")
    return `SSH authentication refused for ${target} (wrong user, password or key)`;
  return `SSH connection to ${target} failed: ${err.message}`;
}

/** One SSH connection to a host, reused for every command of a task on that host. */
export class SshConnection {
  private constructor(
    private readonly ssh: NodeSSH,
    readonly target: string,
    readonly fingerprint: string,
  ) {}

  static async open(t: SshTarget, timeoutMs: number): Promise<SshConnection> {
    const ssh = new NodeSSH();
    const target = `${t.username}@${t.address}:${t.port}`;
    let presented = "";
    try {
      await ssh.connect({
        host: t.address,
        port: t.port,
        username: t.username,
        password: t.password,
        privateKey: t.privateKey,
        readyTimeout: timeoutMs,
        keepaliveInterval: 10_000,
        tryKeyboard: false,
        hostVerifier: (key: Buffer) => {
          presented = fingerprintOf(key);
          return !t.expectedFingerprint || t.expectedFingerprint === presented;
        },
      });
    } catch (err) {
      ssh.dispose();
      if (presented && t.expectedFingerprint && presented !== t.expectedFingerprint) {
        throw new HostKeyMismatchError(target, t.expectedFingerprint, presented);
      }
      throw new SshError(describeConnectError(err as Error, target, timeoutMs));
    }
    // Every command is a small request and a small answer: with Nagle's algorithm on, each SSH
    // channel waited for a delayed ACK (~40 ms per round trip, ~90 ms per command on the testbed).
    ssh.connection?.setNoDelay(true);
    return new SshConnection(ssh, target, presented);
  }

  /**
   * Runs a command built by remoteCommand(), streaming its output line by line. Aborting (cancel or
   * timeout) kills the remote process: the shell prints its PID first and `exec`s the command.
   */
  async exec(command: string, opts: ExecOptions = {}): Promise<ExecResult> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    let pid: number | undefined;
    const out = new LineSplitter((line) => {
      stdout.push(line);
      opts.onLine?.("stdout", line);
    });
    const err = new LineSplitter((line) => {
      if (pid === undefined && line.startsWith(PID_MARKER)) {
        pid = Number(line.slice(PID_MARKER.length));
        return;
      }
      stderr.push(line);
      opts.onLine?.("stderr", line);
    });

    let aborted: CommandAbortedError | undefined;
    let openChannel: { close: () => void } | undefined;
    const kill = (reason: CommandAbortedError) => {
      aborted ??= reason;
      if (pid) void this.killRemote(pid);
      // Aborted before the PID arrived: kill it once it has, else close the channel (SIGPIPE/SIGHUP).
      else setTimeout(() => (pid ? void this.killRemote(pid) : openChannel?.close()), 500);
    };
    const onAbort = () => kill(new CommandAbortedError("canceled"));
    if (opts.signal?.aborted) throw new CommandAbortedError("canceled");
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const timer = opts.timeoutMs
      ? setTimeout(() => kill(new CommandAbortedError("timeout", opts.timeoutMs)), opts.timeoutMs)
      : undefined;
    try {
      const res = await this.ssh.execCommand(withPidMarker(command), {
        stdin: opts.stdin,
        onStdout: (chunk) => out.push(chunk),
        onStderr: (chunk) => err.push(chunk),
        onChannel: (channel) => {
          openChannel = channel;
        },
      });
      out.end();
      err.end();
      if (aborted) throw aborted;
      return { code: res.code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
    }
  }

  private async killRemote(pid: number): Promise<void> {
    try {
      await this.ssh.execCommand(remoteCommand("docker", { op: "kill-pid", pid, signal: "TERM" }));
      await new Promise((r) => setTimeout(r, 1500));
      await this.ssh.execCommand(remoteCommand("docker", { op: "kill-pid", pid, signal: "KILL" }));
    } catch {
      // The connection may already be gone; nothing else to do.
    }
  }

  /**
   * An HTTP GET made from the host's side of the connection (an SSH direct-tcpip channel), so
   * health checks need no tools on the host and no open port towards tao.
   */
  async httpGet(url: URL, timeoutMs: number): Promise<number> {
    const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
    const channel = await this.ssh.forwardOut("127.0.0.1", 0, url.hostname, port);
    return new Promise<number>((resolve, reject) => {
      const secure = url.protocol === "https:";
      // Health endpoints often use self-signed certificates: reachability is what is checked here.
      const socket = secure
        ? tls.connect({ socket: channel as never, servername: url.hostname, rejectUnauthorized: false })
        : channel;
      const req = (secure ? https : http).request(
        {
          createConnection: () => socket as never,
          path: url.pathname + url.search,
          headers: { host: url.host },
          timeout: timeoutMs,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("timeout", () => req.destroy(new Error("timed out")));
      req.on("error", reject);
      req.end();
    }).finally(() => channel.close());
  }

  /** Whether something accepts TCP connections on host:port, seen from the host. */
  async tcpOpen(hostname: string, port: number): Promise<boolean> {
    try {
      const channel = await this.ssh.forwardOut("127.0.0.1", 0, hostname, port);
      channel.close();
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    this.ssh.dispose();
  }
}
