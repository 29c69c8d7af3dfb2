// GET /api/v1/tapd/workspaces — synced TAPD workspaces with their product and item counts
import { route } from "@/lib/http/route";
import { listTapdWorkspaces } from "@/lib/tapd/workspaces";

export const GET = route("read", async () => ({ items: await listTapdWorkspaces() }));
