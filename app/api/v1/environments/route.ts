// GET /api/v1/environments — list; POST /api/v1/environments — create (admin)
import { createEnvironment, listEnvironments, ZEnvironmentInput } from "@/lib/environments/environments";
import { readJson, route } from "@/lib/http/route";

export const GET = route("read", async () => ({ items: await listEnvironments() }));

export const POST = route("configure", async ({ req, principal }) =>
  Response.json(await createEnvironment(principal, await readJson(req, ZEnvironmentInput)), { status: 201 }),
);
