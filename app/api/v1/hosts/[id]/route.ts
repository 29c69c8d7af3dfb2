// PUT /api/v1/hosts/:id — update (admin); DELETE /api/v1/hosts/:id — delete, refused while in use (admin)
import { deleteHost, updateHost, ZHostInput } from "@/lib/environments/hosts";
import { readJson, route } from "@/lib/http/route";

type P = { id: string };

export const PUT = route<P>("configure", async ({ req, params, principal }) =>
  updateHost(principal, params.id, await readJson(req, ZHostInput)),
);

export const DELETE = route<P>("configure", async ({ params, principal }) => {
  await deleteHost(principal, params.id);
});
