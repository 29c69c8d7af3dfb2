// POST /api/v1/hosts/:id/test — log into the host over SSH and ask its container CLI (pins the key on first contact)
import { testHostConnection } from "@/lib/environments/test-connection";
import { route } from "@/lib/http/route";

export const POST = route<{ id: string }>("configure", async ({ params, principal }) =>
  testHostConnection(principal, params.id),
);
