// GET /api/v1/gitlab/events — received GitLab events, newest first (filters: status, eventType, project, ref)
import { listEvents, ZEventListQuery } from "@/lib/gitlab/list-events";
import { readQuery, route } from "@/lib/http/route";

export const GET = route("configure", async ({ req }) => listEvents(readQuery(req, ZEventListQuery)));
