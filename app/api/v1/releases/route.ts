// GET /api/v1/releases — list; POST /api/v1/releases — create (admin)
import { createRelease, listReleases, ZReleaseInput } from "@/lib/catalog/releases";
import { readJson, route } from "@/lib/http/route";

export const GET = route("read", async () => ({ items: await listReleases() }));

export const POST = route("configure", async ({ req, principal }) =>
  Response.json(await createRelease(principal, await readJson(req, ZReleaseInput)), { status: 201 }),
);
