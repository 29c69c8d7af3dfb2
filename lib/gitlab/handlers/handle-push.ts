import { closeBranch, ensureFeatureBranch, featureProducts } from "../feature-branch-sync";
import { ZERO_SHA, ZPushEvent } from "../payloads";
import { componentsForProject, productsOf } from "../project-components";
import { shortRef } from "../route-event";
import { parseGitlabTime } from "../timestamps";
import type { THandler } from "./context";

/** Push Hook: a feature branch is created or updated by a push, closed when the branch is deleted. */
export const handlePush: THandler = async (payload, ctx) => {
  const push = ZPushEvent.parse(payload);
  const project = push.project.path_with_namespace;
  const branch = shortRef(push.ref);
  const products = productsOf(await componentsForProject(project));
  if (products.length === 0) return `no component is mapped to ${project}`;
  const matching = featureProducts(products, branch);
  if (matching.length === 0)
    return `${branch} is not a feature branch (patterns of ${products.map((p) => p.name).join(", ")})`;

  const done: string[] = [];
  if (push.after === ZERO_SHA) {
    for (const p of matching) {
      done.push(`${p.name}: ${(await closeBranch(p.id, branch)) ? "closed" : "nothing open to close"}`);
    }
    return `branch ${branch} deleted — ${done.join("; ")}`;
  }
  const newest = push.commits.find((c) => c.id === push.after) ?? push.commits.at(-1);
  for (const p of matching) {
    const { change } = await ensureFeatureBranch(p, branch, {
      commitSha: push.checkout_sha ?? push.after,
      pushedAt: parseGitlabTime(newest?.timestamp) ?? ctx.receivedAt,
      created: push.before === ZERO_SHA,
    });
    done.push(`${p.name}: ${change}`);
  }
  return `feature branch ${branch} — ${done.join("; ")}`;
};
