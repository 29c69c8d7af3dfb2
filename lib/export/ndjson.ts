// JSON lines → NDJSON bytes, written in ~256 KB chunks only as fast as the client reads them (the
// stream pulls), so memory stays flat however many rows there are. Each line is UTF-8-encoded
// straight into the chunk's buffer: encoding one big concatenated string is several times slower.

const CHUNK_BYTES = 256 * 1024;

export function ndjsonStream(lines: Iterator<string>): ReadableStream<Uint8Array> {
  let pending: string | null = null; // read from the source but not yet written
  const close = () => {
    lines.return?.(); // ends the source (its database connection) early
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const buf = Buffer.allocUnsafe(CHUNK_BYTES);
        let used = 0;
        try {
          for (;;) {
            let line = pending;
            pending = null;
            if (line === null) {
              const next = lines.next();
              if (next.done) {
                if (used > 0) controller.enqueue(buf.subarray(0, used));
                controller.close();
                return;
              }
              line = next.value;
            }
            // A UTF-16 unit takes at most 3 bytes in UTF-8.
            if (used + line.length * 3 + 1 > CHUNK_BYTES) {
              if (used > 0) {
                pending = line;
                controller.enqueue(buf.subarray(0, used));
              } else controller.enqueue(Buffer.from(`${line}\n`, "utf8")); // a line bigger than a chunk
              return;
            }
            used += buf.write(line, used, "utf8");
            buf[used++] = 0x0a;
          }
        } catch (err) {
          close();
          controller.error(err);
        }
      },
      cancel: close,
    },
    { highWaterMark: 1 },
  );
}
