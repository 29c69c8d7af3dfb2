import { z } from "zod";

// How a component's container is started. Component defaults, overlaid by an environment's
// per-component overrides (mergeRunOptions). Every field is validated here, once; the command
// builder (lib/deploy) accepts only values that passed these schemas.

export const ENV_KEY_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const noControlChars = (s: string) => !/[\0\r\n]/.test(s);

const ZEnvValue = z.string().max(32_768).refine(noControlChars, "No newlines or NUL in values");

// host-path-or-volume-name:container-path[:options]
export const VOLUME_RE =
  /^(?:\/[^:\0\r\n]*|[a-zA-Z0-9][a-zA-Z0-9_.-]*):\/[^:\0\r\n]*(?::(?:ro|rw|z|Z|ro,z|ro,Z|rw,z|rw,Z))?$/;
// [ip:][hostPort:]containerPort[/proto], ports may be ranges
const port = "[0-9]{1,5}(?:-[0-9]{1,5})?";
const ip = "(?:[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|\\[[0-9a-fA-F:]+\\])";
export const PORT_RE = new RegExp(`^(?:${ip}:)?(?:(?:${port})?:)?${port}(?:/(?:tcp|udp|sctp))?$`);
export const MEMORY_RE = /^[0-9]+(?:\.[0-9]+)?[bkmgBKMG]?$/;
export const RESTART_RE = /^(?:no|always|unless-stopped|on-failure(?::[0-9]{1,4})?)$/;
export const NETWORK_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.:-]{0,63}$/;
export const LOG_OPT_KEY_RE = /^[a-z][a-z0-9_.-]{0,63}$/;
// Extra arguments are flags only (`--cap-add=NET_ADMIN`), never a positional that could pose as the image.
export const EXTRA_ARG_RE = /^--?[a-zA-Z][a-zA-Z0-9-]*(?:=[^\0\r\n]*)?$/;

/** A record whose keys must match `re`; a bad key is reported at its own path with `message`. */
function keyedRecord<V extends z.ZodType>(re: RegExp, message: string, value: V) {
  return z.record(z.string(), value).superRefine((obj, ctx) => {
    for (const key of Object.keys(obj))
      if (!re.test(key)) ctx.addIssue({ code: "custom", path: [key], message });
  });
}

export const ZRunOptions = z.object({
  env: keyedRecord(
    ENV_KEY_RE,
    "Environment variable names: letters, digits, '_', not starting with a digit",
    ZEnvValue,
  ).default({}),
  volumes: z.array(z.string().regex(VOLUME_RE, "Volume: /host/path:/container/path[:ro]")).default([]),
  ports: z.array(z.string().regex(PORT_RE, "Port: [ip:][host:]container[/tcp|udp]")).default([]),
  memory: z.string().regex(MEMORY_RE, "Memory: a number with b, k, m or g, e.g. 3g").default("3g"),
  network: z.string().regex(NETWORK_RE, "Network: host, bridge or a network name").default("host"),
  restart: z
    .string()
    .regex(RESTART_RE, "Restart: no, always, unless-stopped or on-failure[:N]")
    .default("on-failure:10"),
  logOptions: keyedRecord(
    LOG_OPT_KEY_RE,
    "Log option names: lower-case letters, digits, '.', '_', '-'",
    z.string().min(1).max(256).refine(noControlChars),
  ).default({ "max-size": "256m" }),
  extraArgs: z
    .array(z.string().regex(EXTRA_ARG_RE, "Extra arguments must be flags like --cap-add=NET_ADMIN"))
    .default([]),
  command: z.array(z.string().max(4096).refine(noControlChars)).default([]),
});
export type TRunOptions = z.infer<typeof ZRunOptions>;

/** An environment's override for one component: any subset of the fields. */
export const ZRunOptionsOverride = ZRunOptions.partial().strict();
export type TRunOptionsOverride = z.infer<typeof ZRunOptionsOverride>;

/** component name → override */
export const ZEnvironmentOverrides = z.record(z.string(), ZRunOptionsOverride);

export const DEFAULT_RUN_OPTIONS: TRunOptions = ZRunOptions.parse({});

/**
 * Overlay rule: maps (env, logOptions) merge key by key, everything else is replaced when the
 * override sets it.
 */
export function mergeRunOptions(base: TRunOptions, override: TRunOptionsOverride | undefined): TRunOptions {
  if (!override) return base;
  return {
    ...base,
    ...override,
    env: { ...base.env, ...override.env },
    logOptions: { ...base.logOptions, ...override.logOptions },
  };
}
