// GET /api/v1/builds — recent builds (filters: componentId, gitRef)
// POST /api/v1/builds — report a build (CI: a token with the report-build scope)
import { listBuilds, reportBuild, ZBuildListQuery, ZReportBuild } from "@/lib/cci/report-build";
import { readJson, readQuery, route } from "@/lib/http/route";

export const GET = route("read", async ({ req }) => ({
  items: await listBuilds(readQuery(req, ZBuildListQuery)),
}));

export const POST = route("report-build", async ({ req, principal }) =>
  Response.json(await reportBuild(principal, await readJson(req, ZReportBuild)), { status: 201 }),
);
