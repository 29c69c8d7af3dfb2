// POST /api/v1/tapd/settings/test — check the saved credentials against TAPD (/quickstart/testauth)
import { route } from "@/lib/http/route";
import { testTapdConnection } from "@/lib/tapd/test-connection";

export const POST = route("configure", async () => testTapdConnection());
