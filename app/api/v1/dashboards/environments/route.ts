// GET /api/v1/dashboards/environments — every environment: hosts, what runs, matched release, tasks
import { environmentsOverview } from "@/lib/dashboards/environments";
import { route } from "@/lib/http/route";

export const GET = route("read", async () => ({ items: await environmentsOverview() }));
