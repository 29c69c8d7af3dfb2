// PUT /api/v1/environments/:id — update (admin); DELETE /api/v1/environments/:id — delete, refused while in use (admin)
import { deleteEnvironment, updateEnvironment, ZEnvironmentInput } from "@/lib/environments/environments";
import { readJson, route } from "@/lib/http/route";

type P = { id: string };

export const PUT = route<P>("configure", async ({ req, params, principal }) =>
  updateEnvironment(principal, params.id, await readJson(req, ZEnvironmentInput)),
);

export const DELETE = route<P>("configure", async ({ params, principal }) => {
  await deleteEnvironment(principal, params.id);
});
