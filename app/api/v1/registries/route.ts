// GET /api/v1/registries — list; POST /api/v1/registries — create (admin)
import { createRegistry, listRegistries, ZRegistryInput } from "@/lib/environments/registries";
import { readJson, route } from "@/lib/http/route";

export const GET = route("configure", async () => ({ items: await listRegistries() }));

export const POST = route("configure", async ({ req, principal }) =>
  Response.json(await createRegistry(principal, await readJson(req, ZRegistryInput)), { status: 201 }),
);
