import { db } from "@/lib/db";
import { rankTemplates } from "./choose-template";
import { DEFAULT_TEMPLATE_BODY, DEFAULT_TEMPLATE_NAME } from "./default-template";
import { renderScript } from "./render-script";
import { type TScriptQuery, ZScriptQuery } from "./template-input";
import { parseTemplate } from "./templates";

/** The CI script for a namespace/project/branch: the most specific matching template, else the default. */
export async function scriptFor(query: TScriptQuery, taoUrl: string) {
  const q = ZScriptQuery.parse(query);
  const rows = await db.ciTemplate.findMany({
    select: {
      id: true,
      name: true,
      version: true,
      namespacePattern: true,
      projectPattern: true,
      branchPattern: true,
      body: true,
      variables: true,
    },
  });
  const [winner] = rankTemplates(rows, q);
  const template = winner
    ? parseTemplate(winner)
    : { id: null, name: DEFAULT_TEMPLATE_NAME, version: null, body: DEFAULT_TEMPLATE_BODY, variables: {} };
  return {
    templateId: template.id,
    templateName: template.name,
    script: renderScript({ query: q, taoUrl, template }),
  };
}
