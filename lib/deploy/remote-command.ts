import { z } from "zod";
import { type TContainerCli, ZContainerCli } from "@/lib/domain/enums";
import { parseImageRef } from "@/lib/domain/image-ref";
import { CONTAINER_NAME_RE } from "@/lib/domain/names";
import { type TRunOptions, ZRunOptions } from "@/lib/domain/run-options";
import { shellJoin } from "./shell-quote";

// Every command tao runs on a remote host is built here, and only here, from validated values.
// Each value is checked against its grammar and then shell-quoted as one argument.

const ZName = z.string().regex(CONTAINER_NAME_RE, "invalid container name");
const ZImage = z.string().refine((s) => parseImageRef(s) !== undefined, "invalid image reference");
const ZRegistryHost = z
  .string()
  .regex(/^([a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?|\[[0-9a-fA-F:]+\])(:[0-9]{1,5})?$/);
const ZRegistryUser = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[\0\r\n]/.test(s));
const ZAbsPath = z.string().regex(/^\/[^\0\r\n]*$/);

export type RemoteOp =
  | { op: "version" }
  | { op: "storage-root" }
  | { op: "disk-free"; path: string }
  | { op: "login"; registry: string; username: string } // the password goes to stdin
  | { op: "pull"; image: string }
  | { op: "inspect"; name: string }
  | { op: "ps" }
  | { op: "rename"; from: string; to: string }
  | { op: "stop"; name: string; timeoutSeconds?: number }
  | { op: "start"; name: string }
  | { op: "rm"; names: string[] }
  | { op: "logs"; name: string; tail: number }
  | { op: "logs-follow"; name: string }
  | { op: "run"; name: string; image: string; options: TRunOptions }
  | { op: "kill-pid"; pid: number; signal: "TERM" | "KILL" };

/** Splits "sudo docker" into argv words. */
function cliWords(cli: TContainerCli): string[] {
  return ZContainerCli.parse(cli) === "sudo docker" ? ["sudo", "-n", "docker"] : [cli];
}

const SECRET_ENV_RE = /pass(word)?|secret|token|private|credential|api_?key/i;

/**
 * The docker run arguments for a component, in the original's order. For the log (`display`),
 * values of secret-looking environment variables are replaced by ******.
 */
export function runArgs(name: string, image: string, options: TRunOptions, display = false): string[] {
  const o = ZRunOptions.parse(options);
  const args = ["run", "--restart", o.restart, "-d", "--network", o.network, "-m", o.memory];
  for (const [k, v] of Object.entries(o.logOptions)) args.push("--log-opt", `${k}=${v}`);
  args.push("--name", ZName.parse(name));
  for (const v of o.volumes) args.push("-v", v);
  for (const p of o.ports) args.push("-p", p);
  for (const [k, v] of Object.entries(o.env))
    args.push("-e", `${k}=${display && SECRET_ENV_RE.test(k) ? "******" : v}`);
  args.push(...o.extraArgs);
  args.push(ZImage.parse(image), ...o.command);
  return args;
}

/** The argument vector of an operation, before quoting (exported for the quoting tests). */
export function remoteArgv(cli: TContainerCli, op: RemoteOp, display = false): string[] {
  const c = cliWords(cli);
  switch (op.op) {
    case "version":
      return [...c, "version", "--format", "{{.Client.Version}}"];
    case "storage-root":
      return cli === "podman"
        ? [...c, "info", "--format", "{{.Store.GraphRoot}}"]
        : [...c, "info", "--format", "{{.DockerRootDir}}"];
    case "disk-free":
      return ["df", "-Pk", ZAbsPath.parse(op.path)];
    case "login":
      return [
        ...c,
        "login",
        "--username",
        ZRegistryUser.parse(op.username),
        "--password-stdin",
        ZRegistryHost.parse(op.registry),
      ];
    case "pull":
      return [...c, "pull", ZImage.parse(op.image)];
    case "inspect":
      return [...c, "inspect", "--type", "container", ZName.parse(op.name)];
    case "ps":
      return [...c, "ps", "-a", "--no-trunc", "--format", "{{.Names}}\t{{.Image}}\t{{.State}}"];
    case "rename":
      return [...c, "rename", ZName.parse(op.from), ZName.parse(op.to)];
    case "stop":
      return [
        ...c,
        "stop",
        "-t",
        String(
          z
            .number()
            .int()
            .min(0)
            .max(600)
            .parse(op.timeoutSeconds ?? 10),
        ),
        ZName.parse(op.name),
      ];
    case "start":
      return [...c, "start", ZName.parse(op.name)];
    case "rm":
      return [...c, "rm", "-f", ...z.array(ZName).min(1).parse(op.names)];
    case "logs":
      return [
        ...c,
        "logs",
        "--tail",
        String(z.number().int().min(1).max(10_000).parse(op.tail)),
        ZName.parse(op.name),
      ];
    case "logs-follow":
      return [...c, "logs", "--follow", ZName.parse(op.name)];
    case "run":
      return [...c, ...runArgs(op.name, op.image, op.options, display)];
    case "kill-pid":
      return ["kill", `-${op.signal}`, String(z.number().int().min(2).parse(op.pid))];
  }
}

/** The shell command line for an operation: every word validated, then quoted. */
export function remoteCommand(cli: TContainerCli, op: RemoteOp): string {
  return shellJoin(remoteArgv(cli, op));
}

/** The same command as the task log shows it: secret-looking environment values masked. */
export function displayCommand(cli: TContainerCli, op: RemoteOp): string {
  return shellJoin(remoteArgv(cli, op, true));
}

export const PID_MARKER = "__tao_pid=";

/**
 * Wraps a command built above so the remote shell first reports its PID on stderr and then becomes
 * the command (`exec`): tao can kill exactly that process on cancel or timeout.
 */
export function withPidMarker(command: string): string {
  return `printf '%s%s\\n' ${PID_MARKER} "$$" >&2; exec ${command}`;
}
