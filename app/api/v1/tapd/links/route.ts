// GET /api/v1/tapd/links?featureBranchIds=a,b — linked stories and bugs (with status) per feature branch
// POST /api/v1/tapd/links — link a story or bug to a feature branch by hand
import { z } from "zod";
import { readJson, readQuery, route } from "@/lib/http/route";
import { addManualLink, ZManualLinkInput } from "@/lib/tapd/link-features";
import { linkedItemsForFeatures } from "@/lib/tapd/linked-items";

const ZLinksQuery = z.object({
  featureBranchIds: z
    .string()
    .transform((s) => [
      ...new Set(
        s
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(64)).min(1).max(500)),
});

export const GET = route("read", async ({ req }) => ({
  items: await linkedItemsForFeatures(readQuery(req, ZLinksQuery).featureBranchIds),
}));

export const POST = route("deploy", async ({ req, principal }) => {
  const link = await addManualLink(principal, await readJson(req, ZManualLinkInput));
  return Response.json(link, { status: 201 });
});
