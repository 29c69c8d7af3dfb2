import { AppError } from "@/lib/errors";

// Reads a request body up to a limit: the Content-Length is checked before reading, and the bytes
// are counted while reading, so a lying or missing Content-Length cannot push more through.

export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

export class PayloadTooLargeError extends AppError {
  constructor(limit: number) {
    super(413, "payload_too_large", `The body is larger than ${Math.round(limit / 1024 / 1024)} MB`);
  }
}

export async function readLimitedBody(req: Request, limit = MAX_WEBHOOK_BYTES): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError(limit);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
