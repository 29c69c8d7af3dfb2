// PUT /api/v1/gitlab/integrations/:id — change a GitLab connection (empty token/secret keep the stored ones)
// DELETE /api/v1/gitlab/integrations/:id — remove it (its events stay)
import { deleteIntegration, updateIntegration, ZIntegrationInput } from "@/lib/gitlab/integrations";
import { readJson, route } from "@/lib/http/route";

export const PUT = route<{ id: string }>("configure", async ({ req, params, principal }) =>
  updateIntegration(principal, params.id, await readJson(req, ZIntegrationInput)),
);

export const DELETE = route<{ id: string }>("configure", async ({ params, principal }) => {
  await deleteIntegration(principal, params.id);
});
