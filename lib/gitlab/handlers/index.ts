import type { THandlerName } from "../route-event";
import type { THandler } from "./context";
import { handleDeployment } from "./handle-deployment";
import { handleJob } from "./handle-job";
import { handleMergeRequest } from "./handle-merge-request";
import { handlePipeline } from "./handle-pipeline";
import { handlePush } from "./handle-push";
import { handleTagPush } from "./handle-tag-push";

/** The handler of each routed event kind (an object, so a test can make one fail). */
export const handlers: Record<THandlerName, THandler> = {
  push: handlePush,
  tag_push: handleTagPush,
  merge_request: handleMergeRequest,
  pipeline: handlePipeline,
  job: handleJob,
  deployment: handleDeployment,
};
