// Redis names of the task log channel.
/**
 * The task's live log stream. The creation time is part of the key so that a stream left in Redis
 * can never be mistaken for the log of a different task with the same id (a restored database).
 */
export const logStreamKey = (task: { id: number; createdAt: Date }) =>
  `tao:task:${task.id}:${task.createdAt.getTime()}:log`;
export const CANCEL_CHANNEL = "tao:task-cancel";
/** A finished task's stream lingers this long for late viewers; the database has it for good. */
export const FINISHED_STREAM_TTL_SECONDS = 3600;

/** Stream entry ids are "0-<seq>", so a stream id is the line's sequence number. */
export const streamId = (seq: number) => `0-${seq}`;
export const seqOf = (id: string) => Number(id.split("-")[1]);
