// GET /api/v1/dashboards/releases — per product its releases, where each runs, what every environment runs
import { releasesOverview } from "@/lib/dashboards/releases";
import { route } from "@/lib/http/route";

export const GET = route("read", async () => releasesOverview());
