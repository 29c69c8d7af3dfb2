// POST /api/v1/gitlab/webhook — GitLab project and system hooks: check the secret, store, answer, handle later
import { readLimitedBody } from "@/lib/gitlab/read-body";
import { receiveEvent } from "@/lib/gitlab/receive-event";
import { verifyWebhookToken } from "@/lib/gitlab/verify-webhook-token";
import { publicRoute } from "@/lib/http/route";

export const POST = publicRoute(async ({ req }) => {
  const h = req.headers;
  const integrationId = await verifyWebhookToken(h.get("x-gitlab-token"));
  const body = await readLimitedBody(req);
  return receiveEvent(
    {
      integrationId,
      eventType: h.get("x-gitlab-event") ?? "",
      idempotencyKey: h.get("idempotency-key"),
      webhookUuid: h.get("x-gitlab-webhook-uuid"),
      eventUuid: h.get("x-gitlab-event-uuid"),
      instance: h.get("x-gitlab-instance"),
    },
    body,
  );
});
