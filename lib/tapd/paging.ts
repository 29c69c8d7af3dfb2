import type { z } from "zod";
import { instantToChinaTime } from "./china-time";
import type { TapdClient, TapdParams } from "./client";

// Every row of a TAPD list, page by page. TAPD stops answering around page × limit = 20 000, so a
// listing that is bigger is cut into `created` time slices (halved until each fits). `created` never
// changes, so rows do not move between slices or pages while they are read (order=created asc).

export type ListSpec<S extends z.ZodType> = {
  path: string;
  /** The key around each row: {"Bug": {…}} */
  key: string;
  schema: S;
  /** `fields=` to ask for (omit for endpoints that answer fixed, small rows). */
  fields?: string;
  /** Rows per page: at most 200 (100 for the change lists). */
  pageSize: number;
  params: TapdParams;
  /** Only rows created after this instant (the change lists' incremental filter). */
  createdFrom?: Date;
};

const EARLIEST = new Date("2000-01-01T00:00:00+08:00");

export async function* listAll<S extends z.ZodType>(
  client: TapdClient,
  spec: ListSpec<S>,
): AsyncGenerator<z.infer<S>[]> {
  const from = spec.createdFrom ?? EARLIEST;
  const to = new Date(Date.now() + 86_400_000);
  // Usually everything fits: read the first page before counting anything.
  const params = spec.createdFrom ? { ...spec.params, created: `>${instantToChinaTime(from)}` } : spec.params;
  const first = await page(client, spec, params, 1);
  yield first;
  if (first.length < spec.pageSize) return;
  const total = await client.count(spec.path, params);
  if (total <= client.deepPagingLimit) {
    yield* pages(client, spec, params, 2);
    return;
  }
  yield* slices(client, spec, from, to, true);
}

/** Pages from `start` until a short page or the deep-paging limit. */
async function* pages<S extends z.ZodType>(
  client: TapdClient,
  spec: ListSpec<S>,
  params: TapdParams,
  start: number,
): AsyncGenerator<z.infer<S>[]> {
  const lastPage = Math.floor(client.deepPagingLimit / spec.pageSize);
  for (let n = start; n <= lastPage; n++) {
    const rows = await page(client, spec, params, n);
    if (rows.length > 0) yield rows;
    if (rows.length < spec.pageSize) return;
  }
}

/** The rows created in [from, to] (whole seconds), halving the range while it holds too many. */
async function* slices<S extends z.ZodType>(
  client: TapdClient,
  spec: ListSpec<S>,
  from: Date,
  to: Date,
  counted: boolean,
): AsyncGenerator<z.infer<S>[]> {
  const params = { ...spec.params, created: `${instantToChinaTime(from)}~${instantToChinaTime(to)}` };
  const total = counted ? Number.POSITIVE_INFINITY : await client.count(spec.path, params);
  if (total === 0) return;
  const seconds = Math.floor((to.getTime() - from.getTime()) / 1000);
  if (total <= client.deepPagingLimit || seconds < 1) {
    // (seconds < 1: more rows created within one second than TAPD pages through; read what it gives.)
    yield* pages(client, spec, params, 1);
    return;
  }
  const mid = new Date(from.getTime() + Math.floor(seconds / 2) * 1000);
  yield* slices(client, spec, from, mid, false);
  yield* slices(client, spec, new Date(mid.getTime() + 1000), to, false);
}

function page<S extends z.ZodType>(client: TapdClient, spec: ListSpec<S>, params: TapdParams, n: number) {
  return client.list(spec.path, spec.key, spec.schema, {
    ...params,
    ...(spec.fields ? { fields: spec.fields } : {}),
    order: "created asc",
    limit: spec.pageSize,
    page: n,
  });
}
