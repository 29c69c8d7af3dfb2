// GET /api/v1/hosts — list; POST /api/v1/hosts — create (admin)
import { createHost, listHosts, ZHostInput } from "@/lib/environments/hosts";
import { readJson, route } from "@/lib/http/route";

export const GET = route("read", async () => ({ items: await listHosts() }));

export const POST = route("configure", async ({ req, principal }) =>
  Response.json(await createHost(principal, await readJson(req, ZHostInput)), { status: 201 }),
);
