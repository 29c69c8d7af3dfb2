import type { TContainerCli } from "@/lib/domain/enums";
import type { ListedContainer } from "./container-list";
import { type ContainerState, parseInspect } from "./container-state";
import { DeployCanceledError, DeployError, type LogSink } from "./deploy-log";
import { type RemoteOp, remoteCommand } from "./remote-command";
import { CommandAbortedError, type ExecResult, type SshConnection } from "./ssh-connection";

type RunOpts = { stdin?: string; quiet?: boolean; signal?: AbortSignal | null; allowFail?: boolean };

/**
 * One host during one task: its SSH connection, its container CLI and the task's log. Every remote
 * command goes through run(), which builds it with remoteCommand(), streams its output to the log
 * and turns failures into DeployError / DeployCanceledError.
 */
export class HostSession {
  /** The host's containers as pre-flight listed them, kept current by the deploy steps. */
  containers = new Map<string, ListedContainer>();
  /** Old containers parked during this task, removed together once the host is done. */
  parked: string[] = [];

  constructor(
    readonly conn: SshConnection,
    readonly cli: TContainerCli,
    readonly hostName: string,
    private readonly sink: LogSink,
    readonly signal: AbortSignal,
    private readonly commandTimeoutMs: number,
  ) {}

  log(line: string, component?: string, stream: "step" | "error" = "step"): void {
    this.sink({ host: this.hostName, component, stream, line });
  }

  /** Runs an operation. `signal: null` runs it even after a cancel (used to restore a container). */
  async run(op: RemoteOp, component?: string, opts: RunOpts = {}): Promise<ExecResult> {
    const signal = opts.signal === null ? undefined : (opts.signal ?? this.signal);
    if (signal?.aborted) throw new DeployCanceledError();
    let result: ExecResult;
    try {
      result = await this.conn.exec(remoteCommand(this.cli, op), {
        stdin: opts.stdin,
        signal,
        timeoutMs: this.commandTimeoutMs,
        onLine: opts.quiet
          ? undefined
          : (stream, line) => this.sink({ host: this.hostName, component, stream, line }),
      });
    } catch (err) {
      if (err instanceof CommandAbortedError) {
        if (err.reason === "canceled") throw new DeployCanceledError();
        throw new DeployError(`${op.op} on ${this.hostName}: ${err.message}`);
      }
      throw new DeployError(`${op.op} on ${this.hostName}: ${(err as Error).message}`);
    }
    if (result.code !== 0 && !opts.allowFail) {
      const why = result.stderr.split("\n").filter(Boolean).pop() ?? `exit code ${result.code}`;
      throw new DeployError(`${op.op} failed on ${this.hostName}: ${why}`);
    }
    return result;
  }

  /** The container's state, or undefined when no container has that name. */
  async inspect(name: string): Promise<ContainerState | undefined> {
    const res = await this.run({ op: "inspect", name }, undefined, {
      quiet: true,
      allowFail: true,
      signal: null,
    });
    return res.code === 0 ? parseInspect(res.stdout) : undefined;
  }
}
