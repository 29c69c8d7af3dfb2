// GET /api/v1/tokens — the caller's API tokens (admins: ?all=1 for everyone's); never the token values
// POST /api/v1/tokens — create a token; the answer holds the token, shown this once
import { z } from "zod";
import { ZCreateApiToken } from "@/lib/auth/api-tokens";
import { can } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";
import { readJson, readQuery, route } from "@/lib/http/route";
import { issueToken } from "@/lib/tokens/issue-token";
import { listTokens } from "@/lib/tokens/list-tokens";

const ZQuery = z.object({ all: z.enum(["0", "1"]).default("0") });

export const GET = route("read", async ({ req, principal }) => {
  const all = readQuery(req, ZQuery).all === "1";
  if (all && !can(principal, "configure")) throw new ForbiddenError("Only admins can list everyone's tokens");
  return { items: await listTokens(all ? {} : { userId: principal.userId }) };
});

export const POST = route("read", async ({ req, principal }) =>
  Response.json(await issueToken(principal, await readJson(req, ZCreateApiToken)), { status: 201 }),
);
