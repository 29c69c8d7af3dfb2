// GET /api/v1/cci/templates/:id — one template
// PUT /api/v1/cci/templates/:id — change it (a new version with its diff in the history)
// DELETE /api/v1/cci/templates/:id — delete it (its history stays)

import { ZTemplateInput } from "@/lib/cci/template-input";
import { deleteTemplate, getTemplate, updateTemplate } from "@/lib/cci/templates";
import { readJson, route } from "@/lib/http/route";

export const GET = route<{ id: string }>("read", async ({ params }) => getTemplate(params.id));

export const PUT = route<{ id: string }>("configure", async ({ req, params, principal }) =>
  updateTemplate(principal, params.id, await readJson(req, ZTemplateInput)),
);

export const DELETE = route<{ id: string }>("configure", async ({ params, principal }) => {
  await deleteTemplate(principal, params.id);
});
