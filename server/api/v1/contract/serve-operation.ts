// The route handler of a declared v1 operation: apiRoute's authentication, permission and error
// envelope, then the path parameters, query and JSON body parsed with the operation's own zod
// schemas (a bad one is a 400 before the handler runs), then the handler.
import type { z, ZodObject, ZodType } from "zod";
import { apiRoute, parseJsonBody, type ApiContext } from "../http";
import type { V1Operation } from "./operation";

type Parsed<S> = S extends ZodType ? z.output<S> : undefined;

export interface OperationInput<Body, Query, Params> {
  body: Parsed<Body>;
  query: Parsed<Query>;
  params: Parsed<Params>;
}

/** The path parameters of `template` (e.g. /accounts/{id}/risk) in a request path, decoded. */
export function matchPathParams(template: string, pathname: string): Record<string, string> {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]*)";
  });
  const m = new RegExp(`/api/v1${pattern}/?$`).exec(pathname);
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    const raw = m?.[i + 1] ?? "";
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw; // a stray % is part of the value, which then is not found
    }
  });
  return out;
}

export function serveOperation<
  Body extends ZodType | undefined,
  Query extends ZodObject | undefined,
  Params extends ZodObject | undefined,
>(
  op: V1Operation<Body, Query, Params>,
  handler: (input: OperationInput<Body, Query, Params>, req: Request, ctx: ApiContext) => Promise<unknown>,
): (req: Request) => Promise<Response> {
  if (!("permission" in op.auth)) throw new Error(`${op.operationId} is public: serve it with its own handler`);
  return apiRoute(
    op.auth.permission,
    async (req, ctx) => {
      const url = new URL(req.url);
      const params = op.params?.parse(matchPathParams(op.path, url.pathname)) as Parsed<Params>;
      const query = op.query?.parse(Object.fromEntries(url.searchParams.entries())) as Parsed<Query>;
      const body = (op.body ? await parseJsonBody(req, op.body, op.maxBodyBytes) : undefined) as Parsed<Body>;
      return handler({ body, query, params }, req, ctx);
    },
    { writes: op.auth.writes },
  );
}
