import type { MetricDef } from "./metric";
import { bugAge } from "./metrics/bug-age";
import { bugChanges } from "./metrics/bug-changes";
import { bugsPerVersion } from "./metrics/bugs-per-version";
import { deployAnnotations } from "./metrics/deploy-annotations";
import { deployDuration } from "./metrics/deploy-duration";
import { deployFailureRate } from "./metrics/deploy-failure-rate";
import { deploymentCount } from "./metrics/deployments";
import { leadTime } from "./metrics/lead-time";
import { queueWait } from "./metrics/queue-wait";
import { storyCfd } from "./metrics/story-cfd";

// Every metric tao serves to Grafana, defined once; both protocols read this list. A metric's id is
// dotted (JSON data source: `tapd.bugs.change.daily`); its falcon path puts "@" before the first part
// and "#" between parts (`@tapd#bugs#change#daily`; endpoint "@tapd", counter "bugs.change.daily").

export const METRICS: readonly MetricDef[] = [
  bugsPerVersion,
  bugChanges,
  bugAge,
  storyCfd,
  deploymentCount,
  deployDuration,
  deployFailureRate,
  queueWait,
  leadTime,
  deployAnnotations,
];

const byId = new Map(METRICS.map((m) => [m.id, m]));

export function findMetric(id: string): MetricDef | undefined {
  return byId.get(id);
}

/** `@tapd#bugs#change#daily`, `@tapd.bugs.change.daily` or `tapd.bugs.change.daily` → the metric id. */
export function metricIdOf(path: string): string {
  return path.trim().replace(/^@/, "").replace(/#/g, ".");
}

/** The path segments of a metric for falcon tree navigation: ["@tapd", "bugs", "change", "daily"]. */
export function falconSegments(metric: MetricDef): string[] {
  const [first, ...rest] = metric.id.split(".");
  return [`@${first}`, ...rest];
}
