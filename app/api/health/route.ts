// GET /api/health — database, Redis and worker heartbeat; 503 when tao cannot serve
import { checkHealth } from "@/lib/health/check-health";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "down" ? 503 : 200 });
});
