// GET /api/v1/dashboards/features — feature-branch cards (?closed=1 includes closed branches)
import { featuresOverview } from "@/lib/dashboards/features";
import { route } from "@/lib/http/route";

export const GET = route("read", async ({ req }) => ({
  items: await featuresOverview({ includeClosed: new URL(req.url).searchParams.get("closed") === "1" }),
}));
