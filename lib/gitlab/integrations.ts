import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { hashToken, newOpaqueToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { ZDisplayName } from "@/lib/domain/names";
import { NotFoundError } from "@/lib/errors";
import { encryptSecret } from "@/lib/secrets/cipher";
import { isValidTagTemplate } from "./image-tag";
import { forgetWebhookSecrets } from "./verify-webhook-token";

// GitLab connections configured in tao: the REST base URL and access token (for resync), the
// webhook secret (stored as a hash; shown once) and the image tag convention of builds.

export const ACCESS_TOKEN_CONTEXT = "gitlab-access-token";

const ZTagTemplate = z
  .string()
  .trim()
  .max(120)
  .refine(
    isValidTagTemplate,
    "Use {branch}, {tag}, {sha}, {shortSha} or {pipelineId}, e.g. {branch}-{shortSha}",
  );

export const ZIntegrationInput = z.object({
  name: ZDisplayName,
  baseUrl: z
    .string()
    .trim()
    .regex(
      /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/,
      "An http:// or https:// URL, e.g. https://gitlab.example.com",
    )
    .transform((u) => u.replace(/\/+$/, "")),
  /** Empty: keep the stored token (on create: none, resync is then unavailable). */
  accessToken: z.string().trim().max(500).default(""),
  /** Empty: keep the stored secret (on create: a new one is generated). */
  webhookSecret: z
    .string()
    .trim()
    .refine((s) => s === "" || s.length >= 16, "At least 16 characters, or empty to generate one")
    .refine((s) => s.length <= 200, "At most 200 characters")
    .default(""),
  regenerateSecret: z.boolean().default(false),
  branchTagTemplate: ZTagTemplate.default("{branch}-{shortSha}"),
  tagTagTemplate: ZTagTemplate.default("{tag}"),
});
export type TIntegrationInput = z.input<typeof ZIntegrationInput>;

const publicSelect = {
  id: true,
  name: true,
  baseUrl: true,
  accessTokenEnc: true,
  branchTagTemplate: true,
  tagTagTemplate: true,
  lastSyncAt: true,
  lastSyncStatus: true,
  lastSyncSummary: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Row = { accessTokenEnc: string } & Record<string, unknown>;
/** What the API and pages may see: never the token or the secret's hash. */
function toPublic<T extends Row>({ accessTokenEnc, ...rest }: T) {
  return { ...rest, hasAccessToken: accessTokenEnc !== "" };
}

export async function listIntegrations() {
  const rows = await db.gitlabIntegration.findMany({ orderBy: { name: "asc" }, select: publicSelect });
  return rows.map(toPublic);
}

export async function getIntegration(id: string) {
  const row = await db.gitlabIntegration.findUnique({ where: { id }, select: publicSelect });
  if (!row) throw new NotFoundError("GitLab integration");
  return toPublic(row);
}

export async function createIntegration(actor: AuditActor, input: TIntegrationInput) {
  const data = ZIntegrationInput.parse(input);
  const secret = data.webhookSecret || newOpaqueToken(24);
  const row = await db.gitlabIntegration.create({
    data: {
      name: data.name,
      baseUrl: data.baseUrl,
      accessTokenEnc: data.accessToken ? encryptSecret(data.accessToken, ACCESS_TOKEN_CONTEXT) : "",
      webhookSecretHash: hashToken(secret),
      branchTagTemplate: data.branchTagTemplate,
      tagTagTemplate: data.tagTagTemplate,
    },
    select: publicSelect,
  });
  forgetWebhookSecrets();
  await writeAudit(actor, {
    action: "gitlab.create",
    targetType: "gitlabIntegration",
    targetId: row.id,
    detail: data,
  });
  return { ...toPublic(row), webhookSecret: secret };
}

export async function updateIntegration(actor: AuditActor, id: string, input: TIntegrationInput) {
  const data = ZIntegrationInput.parse(input);
  await getIntegration(id);
  const secret = data.webhookSecret || (data.regenerateSecret ? newOpaqueToken(24) : "");
  const row = await db.gitlabIntegration.update({
    where: { id },
    data: {
      name: data.name,
      baseUrl: data.baseUrl,
      branchTagTemplate: data.branchTagTemplate,
      tagTagTemplate: data.tagTagTemplate,
      ...(data.accessToken ? { accessTokenEnc: encryptSecret(data.accessToken, ACCESS_TOKEN_CONTEXT) } : {}),
      ...(secret ? { webhookSecretHash: hashToken(secret) } : {}),
    },
    select: publicSelect,
  });
  forgetWebhookSecrets();
  await writeAudit(actor, {
    action: "gitlab.update",
    targetType: "gitlabIntegration",
    targetId: id,
    detail: data,
  });
  return { ...toPublic(row), ...(secret ? { webhookSecret: secret } : {}) };
}

export async function deleteIntegration(actor: AuditActor, id: string) {
  const row = await getIntegration(id);
  await db.gitlabIntegration.delete({ where: { id } });
  forgetWebhookSecrets();
  await writeAudit(actor, {
    action: "gitlab.delete",
    targetType: "gitlabIntegration",
    targetId: id,
    detail: { name: row.name },
  });
}
