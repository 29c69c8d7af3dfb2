import { describe, expect, it } from "vitest";
import { redactSecrets } from "@/lib/audit/write-audit";
import { isSameOriginWrite } from "./csrf";

const req = (method: string, headers: Record<string, string>) =>
  new Request("http://tao.local/api/v1/x", { method, headers: { host: "tao.local", ...headers } });

describe("CSRF defence for cookie sessions", () => {
  it("allows reads and same-origin writes", () => {
    expect(isSameOriginWrite(req("GET", {}))).toBe(true);
    expect(isSameOriginWrite(req("POST", { origin: "http://tao.local" }))).toBe(true);
    expect(isSameOriginWrite(req("POST", { "sec-fetch-site": "same-origin" }))).toBe(true);
  });
  it("refuses cross-site writes and writes that say nothing about where they come from", () => {
    expect(isSameOriginWrite(req("POST", { origin: "http://evil.example" }))).toBe(false);
    expect(
      isSameOriginWrite(req("DELETE", { "sec-fetch-site": "cross-site", origin: "http://tao.local" })),
    ).toBe(false);
    expect(isSameOriginWrite(req("POST", {}))).toBe(false);
    expect(isSameOriginWrite(req("POST", { origin: "null" }))).toBe(false);
  });
});

describe("audit redaction", () => {
  it("never keeps a secret-looking field", () => {
    expect(
      redactSecrets({
        name: "h",
        password: "p",
        secret: "",
        nested: [{ privateKey: "k", apiToken: "t", port: 22 }],
      }),
    ).toEqual({
      name: "h",
      password: "[set]",
      secret: "",
      nested: [{ privateKey: "[set]", apiToken: "[set]", port: 22 }],
    });
  });
});
