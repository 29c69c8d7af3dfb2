// GET /api/v1/cci/templates — CI script templates
// POST /api/v1/cci/templates — add one (its first revision is written with it)

import { ZTemplateInput } from "@/lib/cci/template-input";
import { createTemplate, listTemplates } from "@/lib/cci/templates";
import { readJson, route } from "@/lib/http/route";

export const GET = route("read", async () => ({ items: await listTemplates() }));

export const POST = route("configure", async ({ req, principal }) =>
  Response.json(await createTemplate(principal, await readJson(req, ZTemplateInput)), { status: 201 }),
);
