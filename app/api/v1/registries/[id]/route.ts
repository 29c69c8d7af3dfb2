// PUT /api/v1/registries/:id — update (admin); DELETE /api/v1/registries/:id — delete, refused while in use (admin)
import { deleteRegistry, updateRegistry, ZRegistryInput } from "@/lib/environments/registries";
import { readJson, route } from "@/lib/http/route";

type P = { id: string };

export const PUT = route<P>("configure", async ({ req, params, principal }) =>
  updateRegistry(principal, params.id, await readJson(req, ZRegistryInput)),
);

export const DELETE = route<P>("configure", async ({ params, principal }) => {
  await deleteRegistry(principal, params.id);
});
