import { z } from "zod";
import { type AuditActor, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { BadRequestError } from "@/lib/errors";
import { decryptSecret, encryptSecret } from "@/lib/secrets/cipher";
import type { TapdClientOptions } from "./client";

// The TAPD connection, one row. The API password is encrypted at rest and never leaves the server:
// pages and answers get `passwordSet` only; the worker decrypts it at the moment of use.

export const TAPD_SECRET_CONTEXT = "tapd.password";
const SETTINGS_ID = 1;

const ZIdList = z
  .string()
  .trim()
  .regex(/^(\d{1,20}(\s*,\s*\d{1,20})*)?$/, "Comma separated workspace ids (digits)")
  .transform((s) =>
    s
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .join(","),
  );

export const ZTapdSettingsInput = z
  .object({
    enabled: z.boolean().default(false),
    baseUrl: z
      .string()
      .trim()
      .url()
      .regex(/^https?:\/\//, "An http:// or https:// URL")
      .default("https://api.tapd.cn"),
    apiUser: z.string().trim().min(1, "Required").max(200),
    /** Empty or missing keeps the stored password. */
    apiPassword: z.string().max(1000).optional(),
    companyId: z
      .string()
      .trim()
      .regex(/^\d{0,20}$/, "Digits only")
      .default(""),
    workspaceIds: ZIdList.default(""),
    intervalMinutes: z.coerce.number().int().min(1).max(1440).default(10),
  })
  .refine((s) => s.companyId || s.workspaceIds, {
    path: ["companyId"],
    message: "Give the company id or at least one workspace id",
  });
export type TTapdSettingsInput = z.input<typeof ZTapdSettingsInput>;

export type TapdSettingsView = {
  enabled: boolean;
  baseUrl: string;
  apiUser: string;
  passwordSet: boolean;
  companyId: string;
  workspaceIds: string;
  intervalMinutes: number;
  updatedAt: Date | null;
};

/** The settings row with its encrypted password (omitted from every other query by lib/db.ts). */
async function row() {
  return db.tapdSettings.findUnique({ where: { id: SETTINGS_ID }, omit: { apiPasswordEnc: false } });
}

/** What the settings page shows: everything but the password. */
export async function getTapdSettings(): Promise<TapdSettingsView> {
  const r = await row();
  return {
    enabled: r?.enabled ?? false,
    baseUrl: r?.baseUrl ?? "https://api.tapd.cn",
    apiUser: r?.apiUser ?? "",
    passwordSet: Boolean(r?.apiPasswordEnc),
    companyId: r?.companyId ?? "",
    workspaceIds: r?.workspaceIds ?? "",
    intervalMinutes: r?.intervalMinutes ?? 10,
    updatedAt: r?.updatedAt ?? null,
  };
}

export async function saveTapdSettings(
  actor: AuditActor,
  input: TTapdSettingsInput,
): Promise<TapdSettingsView> {
  const { apiPassword, ...data } = ZTapdSettingsInput.parse(input);
  const existing = await row();
  if (!apiPassword && !existing?.apiPasswordEnc)
    throw new BadRequestError("apiPassword: the API password is required");
  const columns = {
    ...data,
    ...(apiPassword ? { apiPasswordEnc: encryptSecret(apiPassword, TAPD_SECRET_CONTEXT) } : {}),
  };
  await db.tapdSettings.upsert({
    where: { id: SETTINGS_ID },
    create: { id: SETTINGS_ID, ...columns },
    update: columns,
  });
  await writeAudit(actor, {
    action: "tapd.settings",
    targetType: "tapd",
    detail: { ...data, apiPassword: apiPassword ? "changed" : "" },
  });
  return getTapdSettings();
}

export type TapdConnection = {
  client: Pick<TapdClientOptions, "baseUrl" | "apiUser" | "apiPassword">;
  companyId: string;
  workspaceIds: string[];
};

/** For the worker, at the moment of use: the connection with the password decrypted. */
export async function loadTapdConnection(): Promise<TapdConnection | null> {
  const r = await row();
  if (!r?.apiUser || !r.apiPasswordEnc) return null;
  return {
    client: {
      baseUrl: r.baseUrl,
      apiUser: r.apiUser,
      apiPassword: decryptSecret(r.apiPasswordEnc, TAPD_SECRET_CONTEXT),
    },
    companyId: r.companyId,
    workspaceIds: r.workspaceIds ? r.workspaceIds.split(",") : [],
  };
}
