// GET /api/v1/gitlab/integrations — configured GitLab connections (no secrets)
// POST /api/v1/gitlab/integrations — add one; the answer carries the webhook secret, once
import { createIntegration, listIntegrations, ZIntegrationInput } from "@/lib/gitlab/integrations";
import { readJson, route } from "@/lib/http/route";

export const GET = route("configure", async () => ({ items: await listIntegrations() }));

export const POST = route("configure", async ({ req, principal }) =>
  Response.json(await createIntegration(principal, await readJson(req, ZIntegrationInput)), { status: 201 }),
);
