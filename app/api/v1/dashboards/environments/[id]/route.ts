// GET /api/v1/dashboards/environments/:id — one environment: component × host matrix, drift, history
import { environmentDetail } from "@/lib/dashboards/environments";
import { route } from "@/lib/http/route";

export const GET = route<{ id: string }>("read", async ({ params }) => environmentDetail(params.id));
