import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findMetric } from "@/lib/grafana/catalogue";
import { canonicalParam, TZ_PARAM } from "@/lib/grafana/params";
import { parseVariableQuery } from "@/lib/grafana/variables";
import { call, callJson, DAY, queryBody, utc } from "./grafana-helpers";

// The ready dashboards (grafana/dashboards/*.json) and provisioning files: they parse, name only
// metrics of the catalogue with parameters those metrics take, use variable queries tao answers,
// point at the provisioned data source, and every panel's query runs — with "All" selected and with
// single values interpolated the way Grafana does in builder mode (regex-escaped).

const ROOT = path.resolve(__dirname, "../../grafana");
const DS_UID = /\n\s+uid:\s*(\S+)/.exec(
  fs.readFileSync(path.join(ROOT, "provisioning/datasources/tao.yaml"), "utf8"),
)?.[1];

type Target = {
  refId: string;
  target: string;
  payload: Record<string, unknown>;
  datasource: { type: string; uid: string };
};
type Dashboard = {
  uid: string;
  title: string;
  schemaVersion: number;
  templating: {
    list: {
      name: string;
      type: string;
      query: { query: string };
      datasource: { uid: string };
      allValue?: string;
    }[];
  };
  annotations: { list: { datasource: { type: string; uid?: string }; target?: Target }[] };
  panels: { title: string; datasource: { uid: string }; targets: Target[] }[];
};

const dashboards = fs
  .readdirSync(path.join(ROOT, "dashboards"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({
    file: f,
    json: JSON.parse(fs.readFileSync(path.join(ROOT, "dashboards", f), "utf8")) as Dashboard,
  }));

const targetsOf = (d: Dashboard) => [
  ...d.panels.flatMap((p) => p.targets.map((t) => ({ where: p.title, t }))),
  ...d.annotations.list.filter((a) => a.target).map((a) => ({ where: "annotation", t: a.target! })),
];

/** Grafana's builder-mode interpolation of a payload: each value through templateSrv (regex format). */
function interpolate(
  payload: Record<string, unknown>,
  values: Record<string, string>,
): Record<string, unknown> {
  const one = (v: string) => v.replace(/\$(\w+)/g, (m, name: string) => values[name] ?? m);
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.map((x) => one(String(x))) : one(String(v)),
    ]),
  );
}

describe("ready dashboards", () => {
  it("are the two the issue asks for, with the original's variables", () => {
    const byTitle = new Map(dashboards.map((d) => [d.json.title, d.json]));
    expect([...byTitle.keys()].sort()).toEqual(["Delivery flow", "Deployments"]);
    const vars = (title: string) => byTitle.get(title)!.templating.list.map((v) => v.name);
    expect(vars("Delivery flow")).toEqual(["Product", "Version"]);
    expect(vars("Deployments")).toEqual(["Product", "Version", "Env"]);
    const panels = (title: string) => byTitle.get(title)!.panels.map((p) => p.targets[0]!.target);
    expect(panels("Delivery flow")).toEqual(
      expect.arrayContaining([
        "tapd.stories.cfd",
        "tapd.product.version.bugs",
        "tapd.bugs.change.daily",
        "tapd.bugs.open.age",
      ]),
    );
    expect(panels("Deployments")).toEqual(
      expect.arrayContaining([
        "deploy.deployments.count",
        "deploy.deployments.duration",
        "deploy.deployments.failure.rate",
        "deploy.lead.time",
        "deploy.queue.wait",
      ]),
    );
  });

  for (const { file, json } of dashboards) {
    describe(file, () => {
      it("is a Grafana 11/12 dashboard on the provisioned simPod data source", () => {
        expect(DS_UID).toBe("tao");
        expect(json.uid).toMatch(/^[a-z0-9-]{1,40}$/);
        expect(json.schemaVersion).toBeGreaterThanOrEqual(39);
        for (const p of json.panels) expect(p.datasource.uid, p.title).toBe(DS_UID);
        for (const { where, t } of targetsOf(json))
          expect(t.datasource, where).toEqual({ type: "simpod-json-datasource", uid: DS_UID });
        for (const v of json.templating.list) expect(v.datasource.uid).toBe(DS_UID);
      });

      it("names only metrics of the catalogue, with parameters they take", () => {
        for (const { where, t } of targetsOf(json)) {
          const metric = findMetric(t.target);
          expect(metric, `${where}: ${t.target}`).toBeDefined();
          for (const [key, value] of Object.entries(t.payload)) {
            const name = canonicalParam(key);
            if (name === TZ_PARAM || name === "format") continue;
            const spec = metric!.params.find((p) => p.name === name);
            expect(spec, `${where}: ${t.target} has no parameter ${key}`).toBeDefined();
            if (spec?.kind === "enum")
              for (const v of [value].flat()) expect(spec.options, `${where}: ${key}`).toContain(v);
          }
        }
      });

      it("uses variable queries tao answers", async () => {
        for (const v of json.templating.list) {
          expect(v.type).toBe("query");
          expect(v.allValue).toBe("*");
          const query = v.query.query.replace(/\$[A-Z]\w*/g, "*");
          expect(parseVariableQuery(query), v.query.query).not.toBeNull();
          const options = await callJson<unknown[]>("POST", "/api/v1/grafana/json/variable", {
            body: { payload: { target: query } },
          });
          expect(Array.isArray(options)).toBe(true);
        }
      });

      it("runs every query, with All and with single escaped values", async () => {
        const selections = [
          { Product: "*", Version: "*", Env: "*" },
          { Product: "Product\\ A", Version: "v1\\.2\\.0", Env: "(test\\-1|test\\-2)" },
        ];
        for (const values of selections)
          for (const { where, t } of targetsOf(json)) {
            const res = await call("POST", "/api/v1/grafana/json/query", {
              body: queryBody(utc(2024, 1, 1), utc(2024, 1, 1) + 30 * DAY, [
                { refId: t.refId, target: t.target, payload: interpolate(t.payload, values) },
              ]),
            });
            expect(res.status, `${where}: ${await res.clone().text()}`).toBe(200);
            expect(Array.isArray(await res.json())).toBe(true);
          }
      });
    });
  }

  it("has a dashboard provider that loads JSON files", () => {
    const provider = fs.readFileSync(path.join(ROOT, "provisioning/dashboards/tao.yaml"), "utf8");
    expect(provider).toMatch(/^apiVersion: 1$/m);
    expect(provider).toMatch(/type: file/);
    const datasource = fs.readFileSync(path.join(ROOT, "provisioning/datasources/tao.yaml"), "utf8");
    expect(datasource).toMatch(/type: simpod-json-datasource/);
    expect(datasource).toMatch(/url: \$\{TAO_URL\}\/api\/v1\/grafana\/json/);
  });
});
