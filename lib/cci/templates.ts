import { writeAudit } from "@/lib/audit/write-audit";
import type { Principal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { unifiedDiff } from "./line-diff";
import { type TTemplateInput, ZTemplateInput, ZVariables } from "./template-input";

// CI templates: every create, update and delete writes a revision (author, snapshot, diff against
// the previous version) in the same transaction, so the history is complete.

type Actor = Pick<Principal, "userId" | "username">;
type Snapshot = ReturnType<typeof snapshotOf>;

function snapshotOf(t: {
  name: string;
  description: string;
  namespacePattern: string;
  projectPattern: string;
  branchPattern: string;
  body: string;
  variables: Record<string, string>;
}) {
  return {
    name: t.name,
    description: t.description,
    namespacePattern: t.namespacePattern,
    projectPattern: t.projectPattern,
    branchPattern: t.branchPattern,
    variables: t.variables,
    body: t.body,
  };
}

/** The template as text for diffing: settings first, then the body. */
function asText(s: Snapshot | null): string {
  if (!s) return "";
  const vars = Object.entries(s.variables).map(([k, v]) => `variable ${k}=${JSON.stringify(v)}`);
  return [
    `name: ${s.name}`,
    `patterns: ${s.namespacePattern} / ${s.projectPattern} @ ${s.branchPattern}`,
    ...(s.description ? [`description: ${s.description}`] : []),
    ...vars,
    "---",
    s.body,
  ].join("\n");
}

export function parseTemplate<T extends { variables: string }>(row: T) {
  return { ...row, variables: ZVariables.parse(JSON.parse(row.variables)) };
}

export async function listTemplates() {
  const rows = await db.ciTemplate.findMany({ orderBy: { name: "asc" } });
  return rows.map(parseTemplate);
}

export async function getTemplate(id: string) {
  const row = await db.ciTemplate.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("CI template");
  return parseTemplate(row);
}

export async function createTemplate(actor: Actor, input: TTemplateInput) {
  const data = ZTemplateInput.parse(input);
  const snap = snapshotOf(data);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.ciTemplate.create({
      data: { ...data, variables: JSON.stringify(data.variables) },
    });
    await tx.ciTemplateRevision.create({
      data: {
        templateId: created.id,
        templateName: created.name,
        version: 1,
        action: "create",
        authorId: actor.userId,
        authorName: actor.username,
        snapshot: JSON.stringify(snap),
        diff: unifiedDiff("", asText(snap), { a: "(new)", b: `${created.name} v1` }),
      },
    });
    return created;
  });
  await writeAudit(actor, {
    action: "ci-template.create",
    targetType: "ciTemplate",
    targetId: row.id,
    detail: { name: row.name },
  });
  return parseTemplate(row);
}

export async function updateTemplate(actor: Actor, id: string, input: TTemplateInput) {
  const data = ZTemplateInput.parse(input);
  const before = await getTemplate(id);
  const snap = snapshotOf(data);
  const diff = unifiedDiff(asText(snapshotOf(before)), asText(snap), {
    a: `${before.name} v${before.version}`,
    b: `${data.name} v${before.version + 1}`,
  });
  if (!diff) return before; // nothing changed: no new version
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.ciTemplate.update({
      where: { id, version: before.version }, // a concurrent save makes this fail instead of losing a change
      data: { ...data, variables: JSON.stringify(data.variables), version: { increment: 1 } },
    });
    await tx.ciTemplateRevision.create({
      data: {
        templateId: id,
        templateName: updated.name,
        version: updated.version,
        action: "update",
        authorId: actor.userId,
        authorName: actor.username,
        snapshot: JSON.stringify(snap),
        diff,
      },
    });
    return updated;
  });
  await writeAudit(actor, {
    action: "ci-template.update",
    targetType: "ciTemplate",
    targetId: id,
    detail: { name: row.name },
  });
  return parseTemplate(row);
}

export async function deleteTemplate(actor: Actor, id: string) {
  const before = await getTemplate(id);
  const snap = snapshotOf(before);
  await db.$transaction(async (tx) => {
    await tx.ciTemplate.delete({ where: { id } });
    await tx.ciTemplateRevision.create({
      data: {
        templateId: id,
        templateName: before.name,
        version: before.version + 1,
        action: "delete",
        authorId: actor.userId,
        authorName: actor.username,
        snapshot: JSON.stringify(snap),
        diff: unifiedDiff(asText(snap), "", { a: `${before.name} v${before.version}`, b: "(deleted)" }),
      },
    });
  });
  await writeAudit(actor, {
    action: "ci-template.delete",
    targetType: "ciTemplate",
    targetId: id,
    detail: { name: before.name },
  });
}

/** A template's history, newest first (also after it was deleted). */
export function listRevisions(templateId: string) {
  return db.ciTemplateRevision.findMany({
    where: { templateId },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      action: true,
      authorName: true,
      at: true,
      diff: true,
      templateName: true,
    },
  });
}
