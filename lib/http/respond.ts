import { ZodError } from "zod";
import { AppError, RateLimitedError } from "@/lib/errors";

export type ErrorBody = {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
};

export function jsonError(
  status: number,
  code: string,
  message: string,
  extra: Partial<ErrorBody["error"]> = {},
) {
  return Response.json({ error: { code, message, ...extra } } satisfies ErrorBody, { status });
}

type PrismaLikeError = { name: string; code?: string; meta?: { target?: unknown; modelName?: string } };

/** The one mapping from thrown errors to HTTP answers. Unexpected errors never leak their message. */
export function errorResponse(err: unknown): Response {
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const first = issues[0];
    return jsonError(400, "invalid", first ? `${first.path || "input"}: ${first.message}` : "Invalid input", {
      issues,
    });
  }
  if (err instanceof RateLimitedError) {
    const res = jsonError(err.status, err.code, err.message);
    res.headers.set("Retry-After", String(err.retryAfterSeconds));
    return res;
  }
  if (err instanceof AppError) return jsonError(err.status, err.code, err.message);
  const prisma = err as PrismaLikeError;
  if (prisma?.name === "PrismaClientKnownRequestError") {
    if (prisma.code === "P2002")
      return jsonError(409, "conflict", "Something with the same name already exists");
    if (prisma.code === "P2025") return jsonError(404, "not_found", "Not found");
    if (prisma.code === "P2003" || prisma.code === "P2014")
      return jsonError(409, "in_use", "It is still in use by other records");
  }
  console.error("[tao] unexpected error", err);
  return jsonError(500, "internal", "Internal error; the server log has the details");
}
