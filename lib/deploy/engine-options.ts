// Timeouts and limits of a deployment run, from the environment with sane defaults.
export type EngineOptions = {
  sshTimeoutMs: number;
  commandTimeoutMs: number;
  minFreeDiskMb: number;
};

export function engineOptions(env: NodeJS.ProcessEnv = process.env): EngineOptions {
  return {
    sshTimeoutMs: Number(env.TAO_SSH_TIMEOUT_SECONDS ?? 15) * 1000,
    commandTimeoutMs: Number(env.TAO_COMMAND_TIMEOUT_SECONDS ?? 600) * 1000,
    minFreeDiskMb: Number(env.TAO_MIN_FREE_DISK_MB ?? 1024),
  };
}
