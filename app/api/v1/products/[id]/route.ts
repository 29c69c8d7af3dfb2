// PUT /api/v1/products/:id — update (admin); DELETE /api/v1/products/:id — delete, refused while in use (admin)
import { deleteProduct, updateProduct, ZProductInput } from "@/lib/catalog/products";
import { readJson, route } from "@/lib/http/route";

type P = { id: string };

export const PUT = route<P>("configure", async ({ req, params, principal }) =>
  updateProduct(principal, params.id, await readJson(req, ZProductInput)),
);

export const DELETE = route<P>("configure", async ({ params, principal }) => {
  await deleteProduct(principal, params.id);
});
