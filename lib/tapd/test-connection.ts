import { TapdClient } from "./client";
import { TapdError } from "./errors";
import { loadTapdConnection } from "./settings";

/** Settings → TAPD "Test connection": TAPD's own auth check, answered in words. */
export async function testTapdConnection(): Promise<{ ok: boolean; message: string }> {
  const conn = await loadTapdConnection();
  if (!conn) return { ok: false, message: "TAPD is not configured: save the API user and password first" };
  const client = new TapdClient({ ...conn.client, attempts: 2, backoffMs: 500, timeoutMs: 15_000 });
  try {
    await client.get("/quickstart/testauth");
    return { ok: true, message: `Signed in to ${conn.client.baseUrl} as ${conn.client.apiUser}` };
  } catch (err) {
    if (err instanceof TapdError) return { ok: false, message: err.message };
    throw err;
  }
}
