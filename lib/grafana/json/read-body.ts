import type { z } from "zod";
import { BadRequestError } from "@/lib/errors";

// Grafana posts JSON, sometimes with an empty body (tag keys, a test): empty reads as {}. The content
// type is not insisted on: these calls come with an API token (no ambient credentials), and route()
// already refuses cross-site writes made with a session cookie.

export async function readGrafanaJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = await req.text();
  let body: unknown = {};
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      throw new BadRequestError("The body is not valid JSON");
    }
  }
  return schema.parse(body);
}

/** A payload as sent: an object, a JSON text (code mode), or nothing. */
export function payloadObject(payload: unknown): Record<string, unknown> {
  if (payload === null || payload === undefined || payload === "") return {};
  if (typeof payload === "object" && !Array.isArray(payload)) return payload as Record<string, unknown>;
  if (typeof payload === "string") {
    try {
      const parsed: unknown = JSON.parse(payload);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
        return parsed as Record<string, unknown>;
    } catch {
      // reported below
    }
  }
  throw new BadRequestError('payload: a JSON object expected, e.g. {"product": "ProductA"}');
}
