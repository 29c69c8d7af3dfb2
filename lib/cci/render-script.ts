import { shellQuote } from "@/lib/deploy/shell-quote";
import type { TScriptQuery, TVariables } from "./template-input";

// The script a CI job sources: a generated header (where it runs, where tao is, the template's
// variables — each value shell-quoted, and overridable by a CI/CD variable of the same name), then
// the template body as it was written.

export type TRenderInput = {
  query: TScriptQuery;
  taoUrl: string;
  template: { name: string; version: number | null; body: string; variables: TVariables };
};

const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ");

export function renderScript({ query, taoUrl, template }: TRenderInput): string {
  const where = `${query.namespace}/${query.project} @ ${query.branch}`;
  const version = template.version === null ? "" : ` v${template.version}`;
  const lines = [
    "# shellcheck shell=bash",
    `# tao CI script for ${oneLine(where)} — template "${oneLine(template.name)}"${version}`,
    "# Source it in before_script: . ./cci.sh   (it defines the stage functions; it runs nothing)",
    "",
    `TAO_URL=\${TAO_URL-${shellQuote(taoUrl)}}`,
    `TAO_NAMESPACE=${shellQuote(query.namespace)}`,
    `TAO_PROJECT=${shellQuote(query.project)}`,
    `TAO_BRANCH=${shellQuote(query.branch)}`,
    `TAO_TEMPLATE=${shellQuote(template.name)}`,
    "export TAO_URL TAO_NAMESPACE TAO_PROJECT TAO_BRANCH TAO_TEMPLATE",
  ];
  const names = Object.keys(template.variables).sort();
  if (names.length) {
    lines.push("", "# template variables (a CI/CD variable of the same name wins)");
    for (const name of names) lines.push(`${name}=\${${name}-${shellQuote(template.variables[name]!)}}`);
    lines.push(`export ${names.join(" ")}`);
  }
  lines.push("", template.body.replace(/\r\n/g, "\n").trimEnd(), "");
  return lines.join("\n");
}
