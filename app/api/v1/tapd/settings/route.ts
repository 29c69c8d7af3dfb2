// GET /api/v1/tapd/settings — the TAPD connection (without the password)
// PUT /api/v1/tapd/settings — save it and apply the sync schedule
import { readJson, route } from "@/lib/http/route";
import { applyTapdSchedule } from "@/lib/tapd/schedule";
import { getTapdSettings, saveTapdSettings, ZTapdSettingsInput } from "@/lib/tapd/settings";

export const GET = route("configure", async () => getTapdSettings());

export const PUT = route("configure", async ({ req, principal }) => {
  const settings = await saveTapdSettings(principal, await readJson(req, ZTapdSettingsInput));
  return { settings, schedule: await applyTapdSchedule() };
});
