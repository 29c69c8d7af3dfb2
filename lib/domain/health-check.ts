import { z } from "zod";

// How tao decides a freshly started container is healthy. Checks run from the target host's side
// of the SSH connection, so they need no extra tools on the host.
export const ZHealthCheck = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("running"), seconds: z.number().int().min(1).max(600).default(5) }),
  z.object({
    kind: z.literal("tcp"),
    port: z.number().int().min(1).max(65535),
    timeoutSeconds: z.number().int().min(1).max(600).default(30),
  }),
  z.object({
    kind: z.literal("http"),
    // Path and port on the host, e.g. http://127.0.0.1:8080/health
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), "http:// or https:// URL"),
    expectStatus: z.number().int().min(100).max(599).optional(),
    timeoutSeconds: z.number().int().min(1).max(600).default(30),
  }),
]);
export type THealthCheck = z.infer<typeof ZHealthCheck>;
