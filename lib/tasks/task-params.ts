import { z } from "zod";
import { ZLayer } from "@/lib/domain/enums";
import { ZRepository } from "@/lib/domain/image-ref";
import { ZComponentName, ZImageTag } from "@/lib/domain/names";

/** What a task deploys, resolved when it is created so that a retry deploys exactly the same. */
export const ZTaskParams = z.object({
  components: z
    .array(
      z.object({
        componentId: z.string(),
        name: ZComponentName,
        repository: ZRepository,
        tag: ZImageTag,
        layer: ZLayer,
        /** For feature-branch tasks: true when the tag comes from the branch's build. */
        fromBranch: z.boolean().optional(),
      }),
    )
    .min(1, "nothing to deploy"),
});
export type TTaskParams = z.infer<typeof ZTaskParams>;

export function parseTaskParams(json: string): TTaskParams {
  return ZTaskParams.parse(JSON.parse(json));
}

const environmentRef = z.string().trim().min(1, "environment is required");

/** POST /api/v1/tasks: an environment (id or name) and what to deploy there. */
export const ZCreateTaskRequest = z.discriminatedUnion("type", [
  z.object({ type: z.literal("release"), environment: environmentRef, releaseId: z.string().min(1) }),
  z.object({ type: z.literal("feature"), environment: environmentRef, featureBranchId: z.string().min(1) }),
  z.object({
    type: z.literal("components"),
    environment: environmentRef,
    components: z
      .array(z.object({ componentId: z.string().min(1), tag: ZImageTag }))
      .min(1, "pick at least one component"),
  }),
]);
export type TCreateTaskRequest = z.infer<typeof ZCreateTaskRequest>;
