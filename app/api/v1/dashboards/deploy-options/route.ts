// GET /api/v1/dashboards/deploy-options — what the deploy form offers and what runs where
import { deployOptions } from "@/lib/dashboards/deploy-options";
import { route } from "@/lib/http/route";

export const GET = route("read", async () => deployOptions());
