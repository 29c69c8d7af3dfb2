import { ZERO_SHA, ZPushEvent } from "../payloads";
import { shortRef } from "../route-event";
import type { THandler } from "./context";
import { recordProjectBuilds } from "./record-builds";

/** Tag Push Hook: a new tag is a build of the mapped components; a deleted tag keeps its builds. */
export const handleTagPush: THandler = async (payload, ctx) => {
  const push = ZPushEvent.parse(payload);
  const tag = shortRef(push.ref);
  if (push.after === ZERO_SHA) return `tag ${tag} deleted — its builds are kept (the images still exist)`;
  return recordProjectBuilds(
    push.project.path_with_namespace,
    ctx.templates.tagTagTemplate,
    { tag, sha: push.checkout_sha ?? push.after },
    tag,
  );
};
