// GET /api/v1/dashboards/pulse — a fingerprint of the dashboards' data; poll it and reload on change
import { dashboardPulse } from "@/lib/dashboards/pulse";
import { route } from "@/lib/http/route";

export const GET = route("read", async () => dashboardPulse());
