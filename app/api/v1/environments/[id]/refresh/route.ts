// POST /api/v1/environments/:id/refresh — read what runs on the environment's hosts and mark drift
import { route } from "@/lib/http/route";
import { refreshInventory } from "@/lib/inventory/refresh-inventory";

export const POST = route<{ id: string }>("deploy", async ({ params, principal }) =>
  refreshInventory(principal, params.id),
);
