import { describe, expect, it } from "vitest";
import { environmentDetail, environmentsOverview } from "@/lib/dashboards/environments";
import { db } from "@/lib/db";
import type { TTaskStatus } from "@/lib/domain/enums";
import { createEnvironment } from "@/lib/environments/environments";
import { system, uid } from "./tapd-helpers";

// An environment card's task state: the running task (busy), how many wait, and the last task that
// finished — never a task that is still waiting or running, which the other two already show.

async function task(environmentId: string, status: TTaskStatus) {
  return db.task.create({
    data: {
      type: "components",
      status,
      environmentId,
      params: JSON.stringify({ components: [] }),
      creatorName: "overview-test",
    },
  });
}

describe("environments overview", () => {
  it("shows the last finished task apart from the running one and the queue", async () => {
    const env = await createEnvironment(system, { name: `overview-${uid()}` });
    const card = async () => (await environmentsOverview()).find((e) => e.id === env.id)!;

    expect((await card()).lastTask).toBeNull();
    const failed = await task(env.id, "failed");
    const succeeded = await task(env.id, "success");
    const running = await task(env.id, "running");
    await task(env.id, "waiting");
    await task(env.id, "waiting");

    const c = await card();
    expect(c.lastTask).toMatchObject({ id: succeeded.id, status: "success" });
    expect(c.runningTask).toMatchObject({ id: running.id, status: "running" });
    expect(c.waiting).toBe(2);
    expect((await environmentDetail(env.id)).lastTask).toMatchObject({ id: succeeded.id });

    await db.task.update({ where: { id: running.id }, data: { status: "canceled" } });
    expect((await card()).lastTask).toMatchObject({ id: running.id, status: "canceled" });
    expect((await card()).runningTask).toBeNull();
    expect(failed.id).toBeLessThan(succeeded.id);
  });
});
