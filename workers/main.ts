// The worker process: runs deployments and background jobs. Imports lib/ only, never next/*.
import { env } from "@/lib/config/env";
import { createBlockingConnection } from "@/lib/redis";
import { clearHeartbeat, HEARTBEAT_EVERY_MS, workerId, writeHeartbeat } from "@/lib/worker/heartbeat";
import { log } from "@/lib/worker/log";
import { startProcessors } from "./processors";

const SHUTDOWN_GRACE_MS = 25_000; // for running jobs to finish
const IDLE_GRACE_MS = 3_000; // nothing running: only the queue connections to close

async function main() {
  process.env.TAO_PROCESS_NAME ??= "worker";
  env(); // a bad setting stops the worker here, with the list of what is wrong
  const id = workerId();
  const startedAt = new Date().toISOString();
  const connection = createBlockingConnection("worker-heartbeat");
  connection.on("error", (err) => log.warn("redis", err.message));

  const processors = await startProcessors(id);
  const beat = () =>
    writeHeartbeat(connection, {
      id,
      pid: process.pid,
      host: process.env.HOSTNAME ?? "",
      startedAt,
      at: new Date().toISOString(),
      running: processors.running(),
    }).catch((err: Error) => log.warn("heartbeat", err.message));
  await beat();
  const timer = setInterval(beat, HEARTBEAT_EVERY_MS);
  log.info("worker", `started ${id}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log.warn("worker", `${signal} again: stopping now; running tasks are recovered as stalled`);
      process.exit(1);
    }
    stopping = true;
    log.info("worker", `${signal}: finishing running jobs and shutting down`);
    clearInterval(timer);
    // Closing needs Redis; when it is gone, or a job outlives the grace period, stop anyway: the
    // next worker's stalled-job check and start-up recovery take over what was running.
    const graceMs = processors.running() > 0 ? SHUTDOWN_GRACE_MS : IDLE_GRACE_MS;
    setTimeout(() => {
      log.warn("worker", `could not close within ${graceMs / 1000} s; stopping now`);
      process.exit(1);
    }, graceMs).unref();
    await processors.close();
    await clearHeartbeat(connection, id).catch(() => undefined);
    connection.disconnect();
    log.info("worker", "stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  log.error("worker", err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
