import { db } from "@/lib/db";
import { BadRequestError } from "@/lib/errors";
import { selectComponents, selectEnvironments, selectProducts, selectWorkspaces } from "./dimensions";
import { compareVersions } from "./metrics/bugs-per-version";
import { NO_VERSION } from "./metrics/load-bugs";
import { VARIABLE_NAMES, type VariableName } from "./params";
import { ANY, type Selection } from "./selection";
import { parseValues } from "./values";

// Template variable queries, the original's syntax: `$product`, `$version=ProductA` (releases),
// `$bugversion=ProductA` (versions bugs were reported against), `$env`, `$component[=ProductA]`,
// `$storystatus[=ProductA]` (story status labels). The argument may be a list (`{A,B}`, `(A|B)`) or
// all (`*`). Answers are sorted, without duplicates.

export type VariableOption = { text: string; value: string };

const ALIASES: Record<string, VariableName> = {
  environment: "env",
  environments: "env",
  products: "product",
};

/** Is this text a variable query (`$name` or `$name=arg`, the `$` optional)? */
export function parseVariableQuery(query: string): { name: VariableName; arg: Selection } | null {
  const m = /^\$?([a-z_]+)\s*(?:=\s*(.*))?$/i.exec(query.trim());
  if (!m) return null;
  const key = m[1]!.toLowerCase();
  const name = (VARIABLE_NAMES as readonly string[]).includes(key) ? (key as VariableName) : ALIASES[key];
  if (!name) return null;
  if (m[2] === undefined || m[2].trim() === "") return { name, arg: ANY };
  const values = parseValues(m[2]);
  return { name, arg: values === "all" ? ANY : { values, filters: [] } };
}

export async function runVariableQuery(query: string): Promise<VariableOption[]> {
  const parsed = parseVariableQuery(query);
  if (!parsed)
    throw new BadRequestError(
      `Unknown variable query "${query}"; use $product, $env, $version=<product>, $bugversion=<product>, $component[=<product>] or $storystatus[=<product>]`,
    );
  const { name, arg } = parsed;
  switch (name) {
    case "product":
      return plain((await selectProducts(ANY)).map((p) => p.name));
    case "env":
      return plain((await selectEnvironments(ANY)).map((e) => e.name));
    case "component": {
      const products = arg === ANY ? undefined : (await selectProducts(arg)).map((p) => p.id);
      return plain((await selectComponents(ANY, products)).map((c) => c.name));
    }
    case "version":
      return releaseVersions(arg);
    case "bugversion":
      return bugVersions(arg);
    case "storystatus":
      return plain(await storyStatusLabels(arg));
  }
}

function plain(values: string[]): VariableOption[] {
  return [...new Set(values)].map((v) => ({ text: v, value: v }));
}

/** "v1.2.0 (ProductA)": the product in the text tells equal versions of different products apart. */
function versioned(rows: { version: string; product: string }[]): VariableOption[] {
  const seen = new Set<string>();
  return rows
    .sort((a, b) => a.product.localeCompare(b.product) || compareVersions(a.version, b.version))
    .map((r) => ({ text: `${r.version} (${r.product})`, value: r.version }))
    .filter((o) => !seen.has(o.text) && seen.add(o.text));
}

async function releaseVersions(productSel: Selection): Promise<VariableOption[]> {
  const products = await selectProducts(productSel);
  const rows = await db.release.findMany({
    where: { productId: { in: products.map((p) => p.id) } },
    select: { version: true, product: { select: { name: true } } },
  });
  return versioned(rows.map((r) => ({ version: r.version, product: r.product.name })));
}

/** Versions the products' bugs were reported against (else their iterations' names), as bug metrics group them. */
async function bugVersions(productSel: Selection): Promise<VariableOption[]> {
  const workspaces = await selectWorkspaces(productSel);
  const ids = [...workspaces.keys()];
  const [reported, iterations] = await Promise.all([
    db.tapdBug.findMany({
      where: { workspaceId: { in: ids }, NOT: { versionReport: "" } },
      distinct: ["workspaceId", "versionReport"],
      select: { workspaceId: true, versionReport: true },
    }),
    db.tapdBug.findMany({
      where: { workspaceId: { in: ids }, versionReport: "", NOT: { iterationId: null } },
      distinct: ["workspaceId", "iterationId"],
      select: { workspaceId: true, iterationId: true },
    }),
  ]);
  const names = new Map(
    (
      await db.tapdIteration.findMany({
        where: { id: { in: iterations.map((i) => i.iterationId!) } },
        select: { id: true, name: true },
      })
    ).map((i) => [i.id, i.name]),
  );
  const rows = [
    ...reported.map((r) => ({ version: r.versionReport.trim(), product: workspaces.get(r.workspaceId)! })),
    ...iterations.map((r) => ({
      version: names.get(r.iterationId!) ?? NO_VERSION,
      product: workspaces.get(r.workspaceId)!,
    })),
  ].filter((r) => r.version !== "" && r.version !== NO_VERSION);
  return versioned(rows);
}

/** Story status labels of the products' TAPD status maps (the CFD's series names). */
async function storyStatusLabels(productSel: Selection): Promise<string[]> {
  const workspaces = [...(await selectWorkspaces(productSel)).keys()];
  const rows = await db.tapdStatus.findMany({
    where: { workspaceId: { in: workspaces }, system: "story" },
    select: { label: true, key: true },
    orderBy: [{ workspaceId: "asc" }, { key: "asc" }],
  });
  return rows.map((r) => r.label || r.key);
}
