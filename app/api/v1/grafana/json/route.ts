// GET /api/v1/grafana/json — JSON data source "Save & test": 200 when the token may read
import { METRICS } from "@/lib/grafana/catalogue";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("read", async () => ({ status: "ok", metrics: METRICS.length }));
