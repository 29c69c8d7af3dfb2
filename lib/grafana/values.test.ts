import { describe, expect, it } from "vitest";
import { parseTarget } from "./target";
import { parseValueList, parseValues, unescapeRegex } from "./values";

describe("variable values as Grafana sends them", () => {
  it("unescapes regex-escaped values", () => {
    expect(unescapeRegex("v1\\.2\\.0")).toBe("v1.2.0");
    expect(parseValues("v1\\.2\\.0")).toEqual(["v1.2.0"]);
  });

  it("reads (a|b) and {a,b} lists, and custom all values", () => {
    expect(parseValues("(v1\\.2\\.0|v1\\.3\\.0)")).toEqual(["v1.2.0", "v1.3.0"]);
    expect(parseValues("{ProductA,ProductB}")).toEqual(["ProductA", "ProductB"]);
    expect(parseValues("(a\\|b|c)")).toEqual(["a|b", "c"]);
    for (const all of ["*", ".*", "$__all", "(a|$__all)"]) expect(parseValues(all)).toBe("all");
  });

  it("reads payload values: strings, numbers, lists; unset is undefined", () => {
    expect(parseValueList(["v1", "(v2|v3)", 4])).toEqual(["v1", "v2", "v3", "4"]);
    expect(parseValueList(undefined)).toBeUndefined();
    expect(parseValueList([])).toBeUndefined();
    expect(parseValueList([".*"])).toBe("all");
  });
});

describe("parseTarget", () => {
  it("reads falcon paths with parameters, lists kept whole", () => {
    expect(parseTarget("@tapd#bugs#change#daily/product=A,version={v1.2.0,v1.3.0}")).toEqual({
      metric: "tapd.bugs.change.daily",
      params: { product: "A", version: "{v1.2.0,v1.3.0}" },
    });
    expect(parseTarget("tapd.product.version.bugs/version=(v1\\.2\\.0|v2),product=A")).toEqual({
      metric: "tapd.product.version.bugs",
      params: { version: "(v1\\.2\\.0|v2)", product: "A" },
    });
  });

  it("turns the falcon plugin's '#' back into '.' inside values", () => {
    expect(parseTarget("@tapd#product#version#bugs/version=v1#2#0", { falcon: true }).params).toEqual({
      version: "v1.2.0",
    });
  });

  it("refuses an empty target and a parameter without '='", () => {
    expect(() => parseTarget("  ")).toThrow(/Empty target/);
    expect(() => parseTarget("tapd.stories.cfd/product")).toThrow(/name=value/);
  });
});
