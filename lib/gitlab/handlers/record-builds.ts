import { recordBuild } from "@/lib/catalog/builds";
import { renderImageTag, type TTagVariables } from "../image-tag";
import { componentsForProject } from "../project-components";

/** Records one build per component mapped to the project; returns a one-line summary. */
export async function recordProjectBuilds(
  project: string,
  template: string,
  vars: TTagVariables & { sha: string },
  gitRef: string,
): Promise<string> {
  const components = await componentsForProject(project);
  if (components.length === 0) return `no component is mapped to ${project}`;
  const tag = renderImageTag(template, vars);
  if (!tag) return `the tag convention "${template}" gives no valid image tag for ${gitRef}`;
  const commitSha = /^[0-9a-f]{7,64}$/.test(vars.sha) ? vars.sha : "";
  for (const c of components) {
    await recordBuild({ componentId: c.id, tag, gitRef, commitSha, source: "gitlab" });
  }
  return `build ${tag} recorded for ${components.map((c) => `${c.product.name}/${c.name}`).join(", ")}`;
}
