// PUT /api/v1/tapd/workspaces/:id — map the workspace to a product ({productId} or null)
import { readJson, route } from "@/lib/http/route";
import { mapWorkspaceToProduct, ZWorkspaceMapping } from "@/lib/tapd/workspaces";

export const PUT = route<{ id: string }>("configure", async ({ req, params, principal }) =>
  mapWorkspaceToProduct(principal, params.id, await readJson(req, ZWorkspaceMapping)),
);
