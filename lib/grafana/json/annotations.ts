import { BadRequestError } from "@/lib/errors";
import { runMetric } from "../run-query";
import { parseTarget } from "../target";

// POST /annotations, the SimpleJSON call: the annotation's query is a target naming an event metric
// (default `deploy.annotations`, parameters after "/", e.g. `deploy.annotations/env=prod-1`).

export async function annotations(
  range: { from: number; to: number },
  annotation: { query?: string } & Record<string, unknown>,
  now?: number,
) {
  const target = parseTarget(annotation.query?.trim() || "deploy.annotations");
  const answer = await runMetric({
    metric: target.metric,
    params: target.params,
    from: Math.floor(range.from / 1000),
    until: Math.ceil(range.to / 1000),
    now,
  });
  if (!answer.events)
    throw new BadRequestError(`${answer.metric.id} is not an event metric; use deploy.annotations`);
  return answer.events.map((e) => ({
    annotation,
    time: e.time * 1000,
    timeEnd: (e.timeEnd ?? e.time) * 1000,
    title: e.title,
    text: e.text,
    tags: e.tags,
  }));
}
