import type { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { type Ability, assertCan, type Principal } from "@/lib/auth/permissions";
import { BadRequestError, ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { isSameOriginWrite } from "./csrf";
import { errorResponse } from "./respond";

type Ctx<P> = { params: Promise<P> };
type Handler<P, A> = (args: { req: Request; params: P; principal: A }) => Promise<Response | unknown>;

function toResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  if (result === undefined) return new Response(null, { status: 204 });
  return Response.json(result);
}

/**
 * Wraps a route handler: authenticates (session cookie or API token), checks the ability,
 * refuses cross-site cookie writes, and maps errors to answers in one place.
 */
export function route<P = Record<string, never>>(ability: Ability, handler: Handler<P, Principal>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      const auth = await authenticate(req.headers);
      if (!auth) throw new UnauthorizedError();
      if (auth.via === "session" && !isSameOriginWrite(req))
        throw new ForbiddenError("Cross-site request refused");
      assertCan(auth.principal, ability);
      return toResponse(await handler({ req, params: await ctx.params, principal: auth.principal }));
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** A route that brings its own authentication (health, login, webhooks with their secrets). */
export function publicRoute<P = Record<string, never>>(handler: Handler<P, null>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      return toResponse(await handler({ req, params: await ctx.params, principal: null }));
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** Parses a JSON body with a zod schema; a wrong content type or broken JSON is a 400. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  if (!req.headers.get("content-type")?.includes("application/json")) {
    throw new BadRequestError("Send the body as JSON (Content-Type: application/json)");
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new BadRequestError("The body is not valid JSON");
  }
  return schema.parse(body);
}

/** Parses the query string with a zod schema. */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}
