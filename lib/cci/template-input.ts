import { z } from "zod";
import { ZDisplayName } from "@/lib/domain/names";

// What a CI template is made of, validated at the API boundary and again when read back.

export const RESERVED_VARIABLES = ["TAO_URL", "TAO_NAMESPACE", "TAO_PROJECT", "TAO_BRANCH", "TAO_TEMPLATE"];

const ZPattern = z
  .string()
  .trim()
  .min(1, "Use * to match everything")
  .max(255)
  .regex(/^[A-Za-z0-9_.*?/-]+$/, "Letters, digits, '.', '_', '-', '/', and the wildcards * and ?");

export const ZVariables = z.record(
  z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "A shell variable name: letters, digits and '_'")
    .refine((k) => !RESERVED_VARIABLES.includes(k), "tao sets this variable itself"),
  z
    .string()
    .max(10_000)
    .refine((v) => !v.includes("\0"), "No NUL characters"),
);
export type TVariables = z.infer<typeof ZVariables>;

export const ZTemplateInput = z.object({
  name: ZDisplayName,
  description: z.string().trim().max(2000).default(""),
  namespacePattern: ZPattern.default("*"),
  projectPattern: ZPattern.default("*"),
  branchPattern: ZPattern.default("*"),
  body: z
    .string()
    .max(200_000, "At most 200 000 characters")
    .refine((v) => !v.includes("\0"), "No NUL characters"),
  variables: ZVariables.default({}),
});
export type TTemplateInput = z.input<typeof ZTemplateInput>;

/** GET /api/v1/cci/script's query: where the CI job runs. */
export const ZScriptQuery = z.object({
  namespace: z
    .string()
    .trim()
    .min(1, "namespace is required (CI_PROJECT_NAMESPACE)")
    .max(255)
    .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, "A GitLab namespace, e.g. group/subgroup"),
  project: z
    .string()
    .trim()
    .min(1, "project is required (CI_PROJECT_NAME)")
    .max(255)
    .regex(/^[A-Za-z0-9_.-]+$/, "A GitLab project path, e.g. my-service"),
  branch: z
    .string()
    .trim()
    .min(1, "branch is required (CI_COMMIT_REF_NAME)")
    .max(255)
    .regex(/^[A-Za-z0-9_./-]+$/, "A branch or tag name"),
});
export type TScriptQuery = z.infer<typeof ZScriptQuery>;
