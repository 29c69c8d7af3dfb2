import { describe, expect, it } from "vitest";
import { isValidTagTemplate, renderImageTag } from "./image-tag";

const sha = "da1560886d4f094c3e6c9ef40349f7d38b5d27d7";

describe("renderImageTag", () => {
  it("follows the convention: the tag name, or <branch>-<short sha>", () => {
    expect(renderImageTag("{tag}", { tag: "v1.0.0", sha })).toBe("v1.0.0");
    expect(renderImageTag("{branch}-{shortSha}", { branch: "feature/PROJ-123-login", sha })).toBe(
      "feature-PROJ-123-login-da156088",
    );
    expect(renderImageTag("{branch}-{pipelineId}", { branch: "main", sha, pipelineId: "31" })).toBe(
      "main-31",
    );
  });

  it("gives null when a value is missing or the result is no image tag", () => {
    expect(renderImageTag("{tag}", { branch: "main", sha })).toBeNull();
    expect(renderImageTag("{branch}", { branch: "x".repeat(300), sha })?.length).toBe(128);
    expect(renderImageTag("{branch}", { branch: "---", sha })).toBeNull();
  });

  it("validates templates", () => {
    expect(isValidTagTemplate("{branch}-{shortSha}")).toBe(true);
    expect(isValidTagTemplate("release-{tag}")).toBe(true);
    expect(isValidTagTemplate("static")).toBe(false);
    expect(isValidTagTemplate("{nope}")).toBe(false);
    expect(isValidTagTemplate("{tag} x")).toBe(false);
  });
});
