import { describe, expect, it } from "vitest";
import type { TRole, TTokenScope } from "@/lib/domain/enums";
import { type Ability, can, deployAbility, type Principal } from "./permissions";

const who = (role: TRole, scopes?: TTokenScope[]): Principal => ({
  userId: "u",
  username: "u",
  role,
  scopes,
});

describe("role checks", () => {
  const table: [TRole, Ability, boolean][] = [
    ["viewer", "read", true],
    ["viewer", "deploy", false],
    ["viewer", "configure", false],
    ["deployer", "deploy", true],
    ["deployer", "deploy-protected", false],
    ["deployer", "configure", false],
    ["admin", "deploy-protected", true],
    ["admin", "configure", true],
  ];
  it.each(table)("%s may %s: %s", (role, ability, expected) => {
    expect(can(who(role), ability)).toBe(expected);
  });

  it("protected environments need the higher ability", () => {
    expect(deployAbility({ protected: true })).toBe("deploy-protected");
    expect(can(who("deployer"), deployAbility({ protected: true }))).toBe(false);
    expect(can(who("deployer"), deployAbility({ protected: false }))).toBe(true);
  });

  it("a token's scopes narrow its user's role and never widen it", () => {
    expect(can(who("admin", ["read"]), "deploy")).toBe(false);
    expect(can(who("admin", ["read"]), "read")).toBe(true);
    expect(can(who("viewer", ["admin"]), "configure")).toBe(false);
    expect(can(who("deployer", ["deploy"]), "deploy")).toBe(true);
    expect(can(who("deployer", ["report-build"]), "read")).toBe(false);
    expect(can(who("deployer", ["report-build"]), "report-build")).toBe(true);
  });
});
