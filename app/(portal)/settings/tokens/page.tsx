import type { Metadata } from "next";
import { type TokenRow, TokensTable } from "@/components/tokens/TokensTable";
import { can } from "@/lib/auth/permissions";
import { scopesForRole } from "@/lib/tokens/issue-token";
import { listTokens } from "@/lib/tokens/list-tokens";
import { viewer } from "../../../_server/i18n";
import { requireUser } from "../../../_server/session";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await viewer();
  return { title: t("tokens.title") };
}

const toRow = (r: Awaited<ReturnType<typeof listTokens>>[number]): TokenRow => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes,
  status: r.status,
  expiresAt: r.expiresAt?.toISOString() ?? null,
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  owner: r.user.username,
});

export default async function TokensPage() {
  const me = await requireUser();
  const admin = can(me, "configure");
  const [mine, everyone] = await Promise.all([
    listTokens({ userId: me.userId }),
    admin ? listTokens({}) : Promise.resolve(null),
  ]);
  return (
    <TokensTable
      mine={mine.map(toRow)}
      everyone={everyone?.map(toRow) ?? null}
      allowedScopes={scopesForRole(me)}
    />
  );
}
