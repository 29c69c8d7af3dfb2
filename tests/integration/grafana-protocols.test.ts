import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "@/lib/catalog/products";
import { db } from "@/lib/db";
import { METRICS } from "@/lib/grafana/catalogue";
import { tapdId } from "../fakes/tapd-server";
import { at, call, callJson, DAY, type FalconRecord, type Frame, queryBody, utc } from "./grafana-helpers";
import { makeTapdUser, newWorkspaceId, system, uid } from "./tapd-helpers";

// The two Grafana protocols as the plugins speak them (tests/fixtures/protocols/grafana/): the Open-Falcon
// plugin's GET /metrics/find and form-encoded /render in Unix seconds, and the simPod JSON data
// source's JSON calls in ISO instants and milliseconds, with Grafana's escaping of variable values.
// Requests are built from the protocol samples, with this test's product names put in.

const SAMPLES = path.resolve(__dirname, "../fixtures/protocols/grafana");
const sample = (name: string) => fs.readFileSync(path.join(SAMPLES, name), "utf8");
/** Grafana's regex escaping of a variable value (templateSrv `regex` format). */
const escapeRegex = (v: string) => v.replace(/[\\^$*+?.()|[\]{}/]/g, "\\$&");

let A: string;
let B: string;

beforeAll(async () => {
  A = `ProductA-${uid()}`;
  B = `ProductB-${uid()}`;
  // [product, bug number, version reported against, created, resolved (or null)]
  const bugs = [
    [A, 1, "v1.2.0", utc(2019, 1, 1, 10), utc(2019, 1, 2, 10)],
    [A, 2, "v1.3.0", utc(2019, 1, 2, 11), null],
    [B, 1, "v2.0.0", utc(2019, 1, 3, 12), null],
  ] as const;
  const workspaces = new Map<string, string>();
  for (const name of [A, B]) {
    const product = await createProduct(system, { name });
    const ws = newWorkspaceId();
    await db.tapdWorkspace.create({ data: { id: ws, name, productId: product.id } });
    workspaces.set(name, ws);
  }
  for (const [product, n, version, created, resolved] of bugs) {
    const ws = workspaces.get(product)!;
    const id = tapdId(ws, 1_003_000 + n);
    await db.tapdBug.create({
      data: {
        id,
        workspaceId: ws,
        title: `bug ${n}`,
        status: resolved ? "resolved" : "new",
        versionReport: version,
        created: at(created),
      },
    });
    if (resolved)
      await db.tapdChange.create({
        data: {
          id: `${id}-1`,
          field: "status",
          entityType: "bug",
          entityId: id,
          workspaceId: ws,
          before: "new",
          after: "resolved",
          changedAt: at(resolved),
        },
      });
  }
});

/** The lines of an .http sample that are requests or bodies (no comments, no headers). */
function httpLines(name: string): string[] {
  return sample(name)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#") && !/^[A-Za-z-]+: /.test(l));
}

describe("falcon-plus: GET /metrics/find", () => {
  const find = (query: string) =>
    callJson<{ text: string; expandable: boolean }[]>("GET", `/api/v1/grafana/metrics/find?query=${query}`);

  it("answers every request of the protocol sample with [{text, expandable}]", async () => {
    const requests = httpLines("metrics_find_requests.http").filter((l) => l.startsWith("GET "));
    expect(requests.length).toBe(7);
    for (const line of requests) {
      const url = line.slice(4).replace("ProductA", A).replace("ProductB", B);
      const items = await callJson<unknown[]>("GET", url);
      expect(Array.isArray(items)).toBe(true);
      for (const item of items) expect(Object.keys(item as object).sort()).toEqual(["expandable", "text"]);
    }
  });

  it("navigates the metric tree with # between levels", async () => {
    const top = await find("");
    expect(top).toEqual(await find(".*"));
    expect(await find("*")).toEqual(top);
    expect(top).toEqual(
      expect.arrayContaining([
        { text: "@tapd", expandable: true },
        { text: "@deploy", expandable: true },
      ]),
    );
    const tapd = await find(encodeURIComponent("@tapd#.*"));
    // the sample answer's entries are there, in the same shape
    expect(tapd).toEqual(expect.arrayContaining(JSON.parse(sample("metrics_find_response_tree.json"))));
    expect(await find(encodeURIComponent("@tapd#product"))).toEqual([{ text: "product", expandable: true }]);
    expect(await find(encodeURIComponent("@tapd#bugs#change#*"))).toEqual([
      { text: "daily", expandable: false },
    ]);
    expect(await find(encodeURIComponent("@tapd#{bugs,stories}#*"))).toEqual(
      expect.arrayContaining([
        { text: "change", expandable: true },
        { text: "cfd", expandable: false },
      ]),
    );
    // every leaf of the tree is a metric of the catalogue, and every metric is a leaf
    const leaves: string[] = [];
    const walk = async (prefix: string) => {
      for (const item of await find(encodeURIComponent(`${prefix}${prefix ? "#" : ""}*`))) {
        const p = `${prefix}${prefix ? "#" : ""}${item.text}`;
        if (item.expandable) await walk(p);
        else leaves.push(p.replace(/^@/, "").replaceAll("#", "."));
      }
    };
    await walk("");
    expect(leaves.sort()).toEqual(METRICS.map((m) => m.id).sort());
  });

  it("answers variable queries: $product, $bugversion=Product, glob multi-values, trailing slash", async () => {
    const products = await find(encodeURIComponent("$product"));
    expect(products).toEqual(
      expect.arrayContaining([
        { text: A, expandable: false },
        { text: B, expandable: false },
      ]),
    );
    expect(await find(encodeURIComponent(`$bugversion=${A}`))).toEqual([
      { text: "v1.2.0", expandable: false },
      { text: "v1.3.0", expandable: false },
    ]);
    const both = await find(encodeURIComponent(`$bugversion={${A},${B}}`));
    expect(both.map((i) => i.text)).toEqual(["v1.2.0", "v1.3.0", "v2.0.0"]);
    // pre-2019 plugin builds: /metrics/find/?query=
    expect(
      await callJson("GET", `/api/v1/grafana/metrics/find/?query=${encodeURIComponent(`$bugversion=${A}`)}`),
    ).toEqual(await find(encodeURIComponent(`$bugversion=${A}`)));
    const unknown = await call("GET", `/api/v1/grafana/metrics/find?query=${encodeURIComponent("$nothing")}`);
    expect(unknown.status).toBe(400);
  });
});

describe("falcon-plus: /render", () => {
  /** The sample's form body with this test's product in place of ProductA. */
  const sampleBody = () => httpLines("render_request.http").at(-1)!.replaceAll("ProductA", A);

  const checkSampleAnswer = (records: FalconRecord[]) => {
    const from = 1546300800;
    const days = Array.from({ length: 31 }, (_, i) => from + i * DAY);
    const byCounter = new Map(records.map((r) => [r.counter, r]));
    for (const r of records) {
      expect(Object.keys(r).sort()).toEqual(["Values", "counter", "dstype", "endpoint", "step"]);
      expect(r).toMatchObject({ endpoint: "@tapd", dstype: "GAUGE", step: DAY });
      expect(r.Values.map((v) => v.timestamp)).toEqual(days);
    }
    const values = (counter: string) => byCounter.get(counter)?.Values.map((v) => v.value);
    const zeros = (n: number) => new Array<number>(n).fill(0);
    expect(values(`product.version.bugs/product=${A},version=v1.2.0`)).toEqual(new Array(31).fill(1));
    expect(values(`product.version.bugs/product=${A},version=v1.3.0`)).toEqual([0, ...new Array(30).fill(1)]);
    const daily = (kind: string) => values(`bugs.change.daily/product=${A},version=v1.2.0,kind=${kind}`);
    expect(daily("opened")).toEqual([1, ...zeros(30)]);
    expect(daily("resolved")).toEqual([0, 1, ...zeros(29)]);
    expect(daily("net")).toEqual([1, -1, ...zeros(29)]);
    expect(daily("reopened")).toEqual(zeros(31));
    // B's bug is not in A's records
    expect(records.some((r) => r.counter.includes(B))).toBe(false);
  };

  it("answers the sample's POST form body (repeated target, seconds) with falcon records", async () => {
    const body = sampleBody();
    expect(new URLSearchParams(body).getAll("target")).toHaveLength(2);
    checkSampleAnswer(await callJson<FalconRecord[]>("POST", "/api/v1/grafana/render", { body }));
  });

  it("answers the same as GET with the body in the query string", async () => {
    checkSampleAnswer(await callJson<FalconRecord[]>("GET", `/api/v1/grafana/render?${sampleBody()}`));
  });

  it("reads glob multi-values and '.' typed as '#', and drops targets that match nothing", async () => {
    const form = (targets: string[]) =>
      new URLSearchParams([
        ...targets.map((t) => ["target", t]),
        ["from", "1546300800"],
        ["until", "1548979200"],
        ["format", "json"],
        ["maxDataPoints", "1220"],
      ]).toString();
    const records = await callJson<FalconRecord[]>("POST", "/api/v1/grafana/render", {
      body: form([`@tapd#product#version#bugs/product={${A},${B}},version={v1#3#0,v2#0#0}`]),
    });
    expect(records.map((r) => r.counter).sort()).toEqual([
      `product.version.bugs/product=${A},version=v1.3.0`,
      `product.version.bugs/product=${B},version=v2.0.0`,
    ]);
    const none = await callJson<FalconRecord[]>("POST", "/api/v1/grafana/render", {
      body: form([`@tapd#product#version#bugs/product=NoSuchProduct-${uid()}`]),
    });
    expect(none).toEqual([]);
  });

  it("refuses milliseconds, a missing target and unknown metrics with 400", async () => {
    const ms = await call("POST", "/api/v1/grafana/render", {
      body: sampleBody().replace("from=1546300800", "from=1546300800000"),
    });
    expect(ms.status).toBe(400);
    expect(await ms.text()).toMatch(/milliseconds/);
    const noTarget = await call("POST", "/api/v1/grafana/render", {
      body: "from=1546300800&until=1548979200",
    });
    expect(noTarget.status).toBe(400);
    const unknown = await call("POST", "/api/v1/grafana/render", {
      body: "target=%40tapd%23nothing&from=1546300800&until=1548979200",
    });
    expect(unknown.status).toBe(400);
  });
});

describe("JSON data source (simPod)", () => {
  const from = utc(2019, 1, 1);
  const until = utc(2019, 1, 8);

  it("answers Save & Test on the base URL, with or without a trailing slash", async () => {
    expect((await call("GET", "/api/v1/grafana/json")).status).toBe(200);
    expect((await call("GET", "/api/v1/grafana/json/")).status).toBe(200);
  });

  it("lists every metric with payload fields for the sample /metrics request", async () => {
    const body = JSON.parse(sample("simpod/metrics_request.json"));
    const metrics = await callJson<
      { label: string; value: string; payloads: { name: string; options?: unknown[] }[] }[]
    >("POST", "/api/v1/grafana/json/metrics", { body });
    expect(metrics[0]!.value).toBe(body.metric);
    expect(metrics.map((m) => m.value).sort()).toEqual(METRICS.map((m) => m.id).sort());
    const product = metrics[0]!.payloads.find((p) => p.name === "product")!;
    expect(product.options).toEqual(
      expect.arrayContaining([
        { label: A, value: A },
        { label: B, value: B },
      ]),
    );
    expect(metrics[0]!.payloads.map((p) => p.name)).toEqual(expect.arrayContaining(["product", "version"]));
    const options = await callJson("POST", "/api/v1/grafana/json/metric-payload-options", {
      body: { metric: body.metric, payload: { product: A }, name: "version" },
    });
    expect(options).toEqual([
      { label: `v1.2.0 (${A})`, value: "v1.2.0" },
      { label: `v1.3.0 (${A})`, value: "v1.3.0" },
    ]);
  });

  it("answers the sample /query with data frames: ms times, refIds, labels", async () => {
    const body = JSON.parse(sample("simpod/query_request.json").replaceAll("ProductA", A));
    Object.assign(body, {
      range: { from: new Date(from * 1000).toISOString(), to: new Date(until * 1000).toISOString(), raw: {} },
      intervalMs: DAY * 1000,
    });
    const frames = await callJson<Frame[]>("POST", "/api/v1/grafana/json/query", { body });
    const days = Array.from({ length: 7 }, (_, i) => (from + i * DAY) * 1000);
    const a = frames.filter((f) => f.refId === "A");
    const b = frames.filter((f) => f.refId === "B");
    expect(a.map((f) => f.fields[1]!.labels)).toEqual([
      { product: A, version: "v1.2.0" },
      { product: A, version: "v1.3.0" },
    ]);
    for (const f of frames) {
      expect(f.fields[0]).toEqual({ name: "time", type: "time", values: days });
      expect(f.fields[1]).toMatchObject({ type: "number" });
    }
    expect(a.map((f) => f.fields[1]!.values)).toEqual([
      [1, 1, 1, 1, 1, 1, 1],
      [0, 1, 1, 1, 1, 1, 1],
    ]);
    expect(a[0]!.fields[1]!.name).toBe("bugs");
    const opened = b.find((f) => f.name === "opened")!;
    expect(opened.fields[1]!.values).toEqual([1, 1, 0, 0, 0, 0, 0]);
  });

  const bugsQuery = async (
    payload: unknown,
    extra: Record<string, unknown> = {},
    target = "tapd.product.version.bugs",
  ) =>
    callJson<unknown[]>("POST", "/api/v1/grafana/json/query", {
      body: queryBody(from, until, [{ target, payload }], extra),
    });

  it("unescapes regex-escaped variable values and (a|b) multi-values, in payloads and targets", async () => {
    const plain = await bugsQuery({ product: A, version: ["v1.2.0", "v1.3.0"] });
    expect(plain).toHaveLength(2);
    expect(await bugsQuery({ product: escapeRegex(A), version: "(v1\\.2\\.0|v1\\.3\\.0)" })).toEqual(plain);
    expect(
      await bugsQuery(
        {},
        {},
        `tapd.product.version.bugs/product=${escapeRegex(A)},version=(v1\\.2\\.0|v1\\.3\\.0)`,
      ),
    ).toEqual(plain);
    // code mode: the payload is the JSON text after Grafana's `json` interpolation
    expect(await bugsQuery(JSON.stringify({ product: A, version: ["v1.2.0", "v1.3.0"] }))).toEqual(plain);
    const one = (await bugsQuery({ product: escapeRegex(A), version: escapeRegex("v1.2.0") })) as Frame[];
    expect(one.map((f) => f.fields[1]!.labels?.version)).toEqual(["v1.2.0"]);
    const all = await bugsQuery({ product: [A, B], version: "$__all" });
    expect(all).toHaveLength(3);
  });

  it("applies ad hoc filters sent as `filters` (plugin ≥ 0.6.4) or `adhocFilters` (older)", async () => {
    const filter = [{ key: "product", operator: "=", value: B }];
    const viaFilters = (await bugsQuery({ product: [A, B] }, { filters: filter })) as Frame[];
    expect(viaFilters.map((f) => f.fields[1]!.labels)).toEqual([{ product: B, version: "v2.0.0" }]);
    expect(await bugsQuery({ product: [A, B] }, { adhocFilters: filter })).toEqual(viaFilters);
    const regex = (await bugsQuery(
      { product: [A, B] },
      { filters: [{ key: "version", operator: "=~", value: "v1\\..*" }] },
    )) as Frame[];
    expect(regex.map((f) => f.fields[1]!.labels?.version)).toEqual(["v1.2.0", "v1.3.0"]);
  });

  it("answers as legacy time series or as a table when the payload asks", async () => {
    const legacy = (await bugsQuery({ product: A, version: "v1.3.0", format: "timeseries" })) as {
      target: string;
      datapoints: [number | null, number][];
    }[];
    expect(legacy).toEqual([
      {
        target: `${A} v1.3.0`,
        datapoints: [0, 1, 1, 1, 1, 1, 1].map((v, i) => [v, (from + i * DAY) * 1000]),
      },
    ]);
    // the shape of the sample answer
    const shape = JSON.parse(sample("simpod/query_response_legacy_timeserie.json"))[0];
    expect(Object.keys(legacy[0]!).sort()).toEqual(Object.keys(shape).sort());
    const [table] = (await bugsQuery({ product: A, format: "table" })) as {
      type: string;
      columns: { text: string; type: string }[];
      rows: unknown[][];
    }[];
    expect(table!.type).toBe("table");
    expect(table!.columns.map((c) => c.text)).toEqual(["time", "product", "version", "bugs"]);
    expect(table!.rows).toHaveLength(14);
    expect(table!.rows[0]).toEqual([from * 1000, A, "v1.2.0", 1]);
  });

  it("answers the sample /variable request and the older /search", async () => {
    const body = JSON.parse(sample("simpod/variable_request_string.json").replaceAll("ProductA", A));
    const expected = JSON.parse(sample("simpod/variable_response.json").replaceAll("ProductA", A));
    expect(await callJson("POST", "/api/v1/grafana/json/variable", { body })).toEqual(expected);
    const multi = await callJson<{ __value: string }[]>("POST", "/api/v1/grafana/json/variable", {
      body: { payload: { target: `$bugversion=(${escapeRegex(A)}|${escapeRegex(B)})` } },
    });
    expect(multi.map((o) => o.__value)).toEqual(["v1.2.0", "v1.3.0", "v2.0.0"]);
    const products = await callJson<string[]>("POST", "/api/v1/grafana/json/search", {
      body: { target: "$product" },
    });
    expect(products).toEqual(expect.arrayContaining([A, B]));
    const ids = await callJson<string[]>("POST", "/api/v1/grafana/json/search", { body: { target: "" } });
    expect(ids.sort()).toEqual(METRICS.map((m) => m.id).sort());
  });

  it("lists ad hoc filter keys and values", async () => {
    const keys = await callJson<{ type: string; text: string }[]>("POST", "/api/v1/grafana/json/tag-keys", {
      body: "",
      contentType: "application/json",
    });
    expect(keys).toEqual(
      expect.arrayContaining([
        { type: "string", text: "product" },
        { type: "string", text: "env" },
      ]),
    );
    const values = await callJson<{ text: string }[]>("POST", "/api/v1/grafana/json/tag-values", {
      body: { key: "product" },
    });
    expect(values).toEqual(expect.arrayContaining([{ text: A }, { text: B }]));
    const versions = await callJson<{ text: string }[]>("POST", "/api/v1/grafana/json/tag-values", {
      body: { key: "version" },
    });
    expect(versions).toEqual(expect.arrayContaining([{ text: "v1.2.0" }, { text: "v2.0.0" }]));
  });

  it("refuses a bad range or an unknown metric with 400, not 500", async () => {
    const backwards = await call("POST", "/api/v1/grafana/json/query", {
      body: queryBody(until, from, [{ target: "tapd.product.version.bugs" }]),
    });
    expect(backwards.status).toBe(400);
    const unknown = await call("POST", "/api/v1/grafana/json/query", {
      body: queryBody(from, until, [{ target: "tapd.nothing" }]),
    });
    expect(unknown.status).toBe(400);
    const notJson = await call("POST", "/api/v1/grafana/json/query", {
      body: "{",
      contentType: "application/json",
    });
    expect(notJson.status).toBe(400);
  });
});

describe("auth", () => {
  const requests: [string, "GET" | "POST", string, unknown?][] = [
    ["falcon find", "GET", "/api/v1/grafana/metrics/find?query="],
    [
      "falcon render",
      "POST",
      "/api/v1/grafana/render",
      "target=%40tapd%23stories%23cfd&from=1546300800&until=1548979200",
    ],
    ["json test", "GET", "/api/v1/grafana/json"],
    ["json metrics", "POST", "/api/v1/grafana/json/metrics", {}],
    ["json query", "POST", "/api/v1/grafana/json/query", queryBody(utc(2019, 1, 1), utc(2019, 1, 2), [])],
    ["json variable", "POST", "/api/v1/grafana/json/variable", { payload: { target: "$product" } }],
  ];

  it("refuses requests without a token (401) and tokens without the read scope (403)", async () => {
    const noRead = (await makeTapdUser("admin", ["report-build"])).token;
    for (const [name, method, url, body] of requests) {
      const none = await call(method, url, { body, headers: { authorization: "" } });
      expect(none.status, name).toBe(401);
      const bad = await call(method, url, { body, headers: { authorization: "Bearer tao_not-a-token" } });
      expect(bad.status, name).toBe(401);
      const scoped = await call(method, url, { body, headers: { authorization: `Bearer ${noRead}` } });
      expect(scoped.status, name).toBe(403);
    }
  });

  it("accepts Basic auth with the API token as password (Grafana's Basic auth setting)", async () => {
    const { token } = await makeTapdUser("viewer", ["read"]);
    const basic = `Basic ${Buffer.from(`grafana:${token}`).toString("base64")}`;
    for (const [name, method, url, body] of requests) {
      const res = await call(method, url, { body, headers: { authorization: basic } });
      expect(res.status, name).toBe(200);
    }
    const wrong = `Basic ${Buffer.from("grafana:password-123").toString("base64")}`;
    expect((await call("GET", "/api/v1/grafana/json", { headers: { authorization: wrong } })).status).toBe(
      401,
    );
  });
});
