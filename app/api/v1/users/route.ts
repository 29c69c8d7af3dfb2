// GET /api/v1/users — list; POST /api/v1/users — create (admin)

import { readJson, route } from "@/lib/http/route";
import { createUser, listUsers, ZUserInput } from "@/lib/users/users";

export const GET = route("configure", async () => ({ items: await listUsers() }));

export const POST = route("configure", async ({ req, principal }) =>
  Response.json(await createUser(principal, await readJson(req, ZUserInput)), { status: 201 }),
);
