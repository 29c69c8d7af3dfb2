// PUT /api/v1/users/:id — update (admin); DELETE /api/v1/users/:id — delete, refused while in use (admin)

import { readJson, route } from "@/lib/http/route";
import { deleteUser, updateUser, ZUserInput } from "@/lib/users/users";

type P = { id: string };

export const PUT = route<P>("configure", async ({ req, params, principal }) =>
  updateUser(principal, params.id, await readJson(req, ZUserInput)),
);

export const DELETE = route<P>("configure", async ({ params, principal }) => {
  await deleteUser(principal, params.id);
});
