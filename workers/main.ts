// The worker process: runs deployments and background jobs. Imports lib/ only, never next/*.
import { env } from "@/lib/config/env";
import { createBlockingConnection } from "@/lib/redis";
import { clearHeartbeat, HEARTBEAT_EVERY_MS, workerId, writeHeartbeat } from "@/lib/worker/heartbeat";
import { log } from "@/lib/worker/log";
import { startProcessors } from "./processors";

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
    if (stopping) return;
    stopping = true;
    log.info("worker", `${signal}: finishing running jobs and shutting down`);
    clearInterval(timer);
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
