// GET /api/v1/components — list; POST /api/v1/components — create (admin)
import { createComponent, listComponents, ZComponentInput } from "@/lib/catalog/components";
import { readJson, route } from "@/lib/http/route";

export const GET = route("read", async () => ({ items: await listComponents() }));

export const POST = route("configure", async ({ req, principal }) =>
  Response.json(await createComponent(principal, await readJson(req, ZComponentInput)), { status: 201 }),
);
