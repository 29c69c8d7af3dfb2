// Redis names of the task log channel.
export const logStreamKey = (taskId: number) => `tao:task:${taskId}:log`;
export const CANCEL_CHANNEL = "tao:task-cancel";
/** A finished task's stream lingers this long for late viewers; the database has it for good. */
export const FINISHED_STREAM_TTL_SECONDS = 3600;

/** Stream entry ids are "0-<seq>", so a stream id is the line's sequence number. */
export const streamId = (seq: number) => `0-${seq}`;
export const seqOf = (id: string) => Number(id.split("-")[1]);
