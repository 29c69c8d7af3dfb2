// The worker's own console log: one line per event, ISO timestamp, level, topic.
function write(level: string, topic: string, message: string) {
  const line = `${new Date().toISOString()} ${level} [${topic}] ${message}`;
  if (level === "ERROR" || level === "WARN") console.error(line);
  else console.log(line);
}

export const log = {
  info: (topic: string, message: string) => write("INFO", topic, message),
  warn: (topic: string, message: string) => write("WARN", topic, message),
  error: (topic: string, message: string) => write("ERROR", topic, message),
};
