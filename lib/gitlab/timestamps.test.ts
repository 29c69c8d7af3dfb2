import { describe, expect, it } from "vitest";
import { parseGitlabTime } from "./timestamps";

describe("parseGitlabTime", () => {
  it("reads GitLab's three formats", () => {
    expect(parseGitlabTime("2011-12-12T14:27:31+02:00")?.toISOString()).toBe("2011-12-12T12:27:31.000Z");
    expect(parseGitlabTime("2016-08-12 15:23:28 UTC")?.toISOString()).toBe("2016-08-12T15:23:28.000Z");
    expect(parseGitlabTime("2013-12-03T17:23:34Z")?.toISOString()).toBe("2013-12-03T17:23:34.000Z");
    expect(parseGitlabTime("2021-04-28 21:50:00 +0200")?.toISOString()).toBe("2021-04-28T19:50:00.000Z");
  });

  it("gives null for anything else", () => {
    for (const v of [null, undefined, "", "yesterday", "2016-13-45 99:00:00 UTC", 42])
      expect(parseGitlabTime(v)).toBeNull();
  });
});
