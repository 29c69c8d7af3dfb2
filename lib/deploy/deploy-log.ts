// What the engine reports while it works. The portal writes it to Redis and the database; the CLI
// prints it. Lines are tagged with the host and component they belong to.
export type LogStream = "step" | "stdout" | "stderr" | "error";
export type LogEntry = { host?: string; component?: string; stream: LogStream; line: string };
export type LogSink = (entry: LogEntry) => void;

export class DeployError extends Error {}
export class DeployCanceledError extends Error {
  constructor() {
    super("canceled");
  }
}
