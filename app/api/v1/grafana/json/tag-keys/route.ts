// POST /api/v1/grafana/json/tag-keys — keys for ad hoc filters
import { tagKeys } from "@/lib/grafana/json/tags";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route("read", async () => tagKeys());
