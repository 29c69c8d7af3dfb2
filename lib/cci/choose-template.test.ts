import { describe, expect, it } from "vitest";
import { rankTemplates } from "./choose-template";

const t = (name: string, namespacePattern: string, projectPattern: string, branchPattern: string) => ({
  name,
  namespacePattern,
  projectPattern,
  branchPattern,
});
const all = [
  t("all", "*", "*", "*"),
  t("group", "acme", "*", "*"),
  t("project", "acme", "api", "*"),
  t("exact", "acme", "api", "main"),
  t("features", "acme", "api", "feature/*"),
  t("any-project-main", "*", "api", "main"),
];
const winner = (namespace: string, project: string, branch: string) =>
  rankTemplates(all, { namespace, project, branch })[0]?.name;

describe("rankTemplates", () => {
  it("picks the most specific match", () => {
    expect(winner("acme", "api", "main")).toBe("exact");
    expect(winner("acme", "api", "feature/x")).toBe("features");
    expect(winner("acme", "api", "dev")).toBe("project");
    expect(winner("other", "api", "main")).toBe("any-project-main");
    expect(winner("acme", "web", "main")).toBe("group");
    expect(winner("other", "web", "dev")).toBe("all");
  });

  it("gives nothing when nothing matches", () => {
    expect(rankTemplates([t("x", "acme", "*", "*")], { namespace: "b", project: "c", branch: "d" })).toEqual(
      [],
    );
  });
});
