import { TAG_RE } from "@/lib/domain/names";

// The image tag a GitLab build gets, per the integration's convention: templates with {branch},
// {tag}, {sha}, {shortSha} and {pipelineId}. Branch names contain "/" and other characters tags
// cannot: they become "-", so feature/login at da15608 gives feature-login-da156088.

export const SHORT_SHA_LENGTH = 8; // GitLab's CI_COMMIT_SHORT_SHA
export const TEMPLATE_VARIABLES = ["branch", "tag", "sha", "shortSha", "pipelineId"] as const;
export type TTagVariables = Partial<Record<(typeof TEMPLATE_VARIABLES)[number], string>>;

/** Replaces what an image tag cannot contain; the CI script's tao_image_tag does the same. */
export function sanitizeTagPart(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, "-");
}

/** The tag for these values, or null when the result is not a valid image tag. */
export function renderImageTag(template: string, vars: TTagVariables): string | null {
  const withShort = { ...vars, shortSha: vars.shortSha ?? vars.sha?.slice(0, SHORT_SHA_LENGTH) };
  let missing = false;
  const tag = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = withShort[name as keyof TTagVariables];
    if (!v) missing = true;
    return sanitizeTagPart(v ?? "");
  });
  if (missing) return null;
  const trimmed = tag.replace(/^[.-]+/, "").slice(0, 128);
  return TAG_RE.test(trimmed) ? trimmed : null;
}

/** A template is valid when it uses known variables only and yields a tag for sample values. */
export function isValidTagTemplate(template: string): boolean {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  if (names.length === 0) return false;
  if (!names.every((n) => (TEMPLATE_VARIABLES as readonly string[]).includes(n ?? ""))) return false;
  return (
    renderImageTag(template, {
      branch: "feature/x",
      tag: "v1.0.0",
      sha: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
      pipelineId: "1",
    }) !== null
  );
}
