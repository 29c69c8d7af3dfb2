// PUT /api/v1/components/:id — update (admin); DELETE /api/v1/components/:id — delete, refused while in use (admin)
import { deleteComponent, updateComponent, ZComponentInput } from "@/lib/catalog/components";
import { readJson, route } from "@/lib/http/route";

type P = { id: string };

export const PUT = route<P>("configure", async ({ req, params, principal }) =>
  updateComponent(principal, params.id, await readJson(req, ZComponentInput)),
);

export const DELETE = route<P>("configure", async ({ params, principal }) => {
  await deleteComponent(principal, params.id);
});
