// PUT /api/v1/releases/:id — update (admin); DELETE /api/v1/releases/:id — delete, refused while in use (admin)
import { deleteRelease, updateRelease, ZReleaseInput } from "@/lib/catalog/releases";
import { readJson, route } from "@/lib/http/route";

type P = { id: string };

export const PUT = route<P>("configure", async ({ req, params, principal }) =>
  updateRelease(principal, params.id, await readJson(req, ZReleaseInput)),
);

export const DELETE = route<P>("configure", async ({ params, principal }) => {
  await deleteRelease(principal, params.id);
});
