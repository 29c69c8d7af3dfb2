// POST /api/v1/cci/deploy — CI deploys its branch to a named environment (token with the deploy scope)
import { deployBranch, ZDeployBranch } from "@/lib/cci/deploy-branch";
import { readJson, route } from "@/lib/http/route";

export const POST = route("deploy", async ({ req, principal }) => {
  const task = await deployBranch(principal, await readJson(req, ZDeployBranch));
  return Response.json({ id: task.id, status: task.status, url: `/tasks/${task.id}` }, { status: 201 });
});
