import { z } from "zod";
import { TAG_RE } from "./names";

// The distribution/reference grammar (github.com/distribution/reference, regexp.go), as regexes.
const alnum = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = "\\[[a-fA-F0-9:]+\\]";
const domain = `(?:${domainName}|${ipv6})(?::[0-9]+)?`;
const repository = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

export const REPOSITORY_RE = new RegExp(`^${repository}$`);
const REFERENCE_RE = new RegExp(`^(${repository})(?::(${TAG_RE.source.slice(1, -1)}))?(?:@(${digest}))?$`);
const MAX_NAME_LENGTH = 255;

export type ImageRef = { repository: string; tag?: string; digest?: string };

/** Parses `repo[:tag][@digest]`; returns undefined when the text is not a valid reference. */
export function parseImageRef(text: string): ImageRef | undefined {
  const m = REFERENCE_RE.exec(text);
  if (!m || m[1]!.length > MAX_NAME_LENGTH) return undefined;
  return { repository: m[1]!, tag: m[2], digest: m[3] };
}

export function formatImageRef(ref: ImageRef): string {
  return `${ref.repository}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
}

/** The registry host of a repository ("127.0.0.1:5005/demo/a" → "127.0.0.1:5005"), if it names one. */
export function registryHostOf(repository: string): string | undefined {
  const first = repository.split("/")[0]!;
  const hasDomain =
    repository.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  return hasDomain ? first : undefined;
}

export const ZRepository = z
  .string()
  .trim()
  .max(MAX_NAME_LENGTH)
  .regex(REPOSITORY_RE, "Not a valid image repository (lower-case, e.g. registry.local:5000/team/app)");

export const ZImageRef = z
  .string()
  .trim()
  .refine((s) => parseImageRef(s)?.tag !== undefined || parseImageRef(s)?.digest !== undefined, {
    message: "Not a valid image reference with a tag (e.g. registry.local/team/app:v1.2.0)",
  });
