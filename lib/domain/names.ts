import { z } from "zod";

// Shapes of names that end up in URLs, container names or shell commands. Kept strict on purpose.

/** Docker/podman container name rule: [a-zA-Z0-9][a-zA-Z0-9_.-]* */
export const CONTAINER_NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
export const ZComponentName = z
  .string()
  .trim()
  .regex(CONTAINER_NAME_RE, "Use letters, digits, '.', '_' or '-', starting with a letter or digit");

/** An OCI tag: [A-Za-z0-9_][A-Za-z0-9._-]{0,127} */
export const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
export const ZImageTag = z.string().trim().regex(TAG_RE, "Not a valid image tag");

/** Display names: any text, one line, bounded. */
export const ZDisplayName = z
  .string()
  .trim()
  .min(1, "Required")
  .max(120, "At most 120 characters")
  .refine((s) => !/[\r\n\0]/.test(s), "Must be a single line");

export const ZUsername = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.@-]{1,63}$/, "2–64 letters, digits, '.', '_', '@' or '-'");

/** A host name or IP address for SSH. */
export const ZHostAddress = z
  .string()
  .trim()
  .regex(
    /^(\[[0-9a-fA-F:]+\]|[a-zA-Z0-9]([a-zA-Z0-9.-]{0,252}[a-zA-Z0-9])?|[0-9a-fA-F:]+)$/,
    "Not a host name or IP address",
  );

/** A Unix user name as used by SSH. */
export const ZSshUser = z
  .string()
  .trim()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_.-]{0,31}\$?$/, "Not a valid Unix user name");
