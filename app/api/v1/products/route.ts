// GET /api/v1/products — list; POST /api/v1/products — create (admin)
import { createProduct, listProducts, ZProductInput } from "@/lib/catalog/products";
import { readJson, route } from "@/lib/http/route";

export const GET = route("read", async () => ({ items: await listProducts() }));

export const POST = route("configure", async ({ req, principal }) =>
  Response.json(await createProduct(principal, await readJson(req, ZProductInput)), { status: 201 }),
);
