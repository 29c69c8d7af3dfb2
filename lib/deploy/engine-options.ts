import { env } from "@/lib/config/env";

// Timeouts and limits of a deployment run (TAO_SSH_TIMEOUT_SECONDS, TAO_COMMAND_TIMEOUT_SECONDS,
// TAO_MIN_FREE_DISK_MB).
export type EngineOptions = {
  sshTimeoutMs: number;
  commandTimeoutMs: number;
  minFreeDiskMb: number;
};

export function engineOptions(): EngineOptions {
  const e = env();
  return {
    sshTimeoutMs: e.TAO_SSH_TIMEOUT_SECONDS * 1000,
    commandTimeoutMs: e.TAO_COMMAND_TIMEOUT_SECONDS * 1000,
    minFreeDiskMb: e.TAO_MIN_FREE_DISK_MB,
  };
}
