import { StringDecoder } from "node:string_decoder";

/**
 * Turns a byte stream into lines as they arrive: "\n", "\r\n" and lone "\r" (progress bars) end a
 * line, multi-byte UTF-8 characters split across chunks stay whole, empty lines are dropped.
 */
export class LineSplitter {
  private decoder = new StringDecoder("utf8");
  private rest = "";

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    this.emit(this.rest + this.decoder.write(chunk), false);
  }

  end(): void {
    this.emit(this.rest + this.decoder.end(), true);
  }

  private emit(text: string, final: boolean): void {
    const parts = text.split(/\r\n|\n|\r/);
    this.rest = final ? "" : (parts.pop() ?? "");
    for (const line of parts) if (line.trim() !== "") this.onLine(line);
  }
}
