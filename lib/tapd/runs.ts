import { z } from "zod";
import { db } from "@/lib/db";

export const ZRunCounts = z.record(z.string(), z.number()).catch({});

export type TapdRunView = {
  id: number;
  trigger: string;
  mode: string;
  status: string;
  requestedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  counts: Record<string, number>;
  error: string;
};

/** The latest sync runs, newest first. */
export async function listTapdRuns(limit = 20): Promise<TapdRunView[]> {
  const rows = await db.tapdSyncRun.findMany({ orderBy: { id: "desc" }, take: limit });
  return rows.map((r) => ({ ...r, counts: ZRunCounts.parse(safeJson(r.counts)) }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
