import { db } from "@/lib/db";
import type { TapdClient } from "./client";
import { TapdConfigError, TapdMalformedError } from "./errors";
import { workspaceColumns } from "./map-rows";
import type { TapdConnection } from "./settings";
import { ZWireWorkspace } from "./wire";

/**
 * Upserts the company's workspaces (or the configured ones) and returns the ids to sync: the
 * configured list, else every workspace of the company that is not closed.
 */
export async function syncWorkspaceList(client: TapdClient, conn: TapdConnection): Promise<string[]> {
  const rows = conn.companyId
    ? await client.list("/workspaces/projects", "Workspace", ZWireWorkspace, { company_id: conn.companyId })
    : await Promise.all(
        conn.workspaceIds.map(async (id) => {
          const data = await client.get("/workspaces/get_workspace_info", { workspace_id: id });
          const parsed = ZWireWorkspace.safeParse((data as { Workspace?: unknown } | null)?.Workspace);
          if (!parsed.success)
            throw new TapdMalformedError("GET /workspaces/get_workspace_info", `no workspace ${id}`, false);
          return parsed.data;
        }),
      );
  await db.$transaction(
    rows.map((w) => {
      const data = workspaceColumns(w);
      return db.tapdWorkspace.upsert({ where: { id: data.id }, create: data, update: data });
    }),
  );
  if (conn.workspaceIds.length) {
    const known = new Set(rows.map((w) => w.id));
    const missing = conn.workspaceIds.filter((id) => !known.has(id));
    if (missing.length)
      throw new TapdConfigError(`TAPD does not list workspace(s) ${missing.join(", ")} for this company`);
    return conn.workspaceIds;
  }
  return rows.filter((w) => w.status !== "closed").map((w) => w.id);
}
