// Every API request (v1 routes and tRPC) gets a request id (the caller's X-Request-Id when sane,
// else a new one) that is echoed in the response header and carried by every log line about it,
// and its latency is observed per route in minute_desk_http_request_duration_seconds.
import type { Logger } from "pino";
import { domainLog, requestIdFrom } from "../log";
import { internalErrorMessage, reportInternalError } from "./internal-error";
import { metrics, routeLabel } from "../metrics/registry";
import { openApiDocument } from "./v1/openapi";

const v1Templates = Object.keys(openApiDocument.paths);

export interface RequestScope {
  requestId: string;
  log: Logger;
}

/** Wraps a route handler: request id, per-route latency, and a 500 envelope naming the id if it throws. */
export function observeRequest(
  handler: (req: Request, scope: RequestScope) => Promise<Response>,
  opts: { domain?: "api" | "trpc"; route?: (url: URL) => string } = {},
): (req: Request) => Promise<Response> {
  const base = domainLog(opts.domain ?? "api");
  return async (req) => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers);
    const url = new URL(req.url);
    const log = base.child({ requestId });
    let res: Response;
    try {
      res = await handler(req, { requestId, log });
    } catch (err) {
      // The same 500 envelope as every handled error (errorToResponse): no internals, a ref that the log carries.
      const ref = reportInternalError(`${req.method} ${url.pathname}`, err, requestId);
      res = Response.json(
        { error: { code: "INTERNAL_SERVER_ERROR", message: internalErrorMessage(ref), ref } },
        { status: 500 },
      );
    }
    try {
      res.headers.set("x-request-id", requestId);
    } catch {
      // A response with immutable headers (a fetched one passed through) keeps its own.
    }
    const route = opts.route ? opts.route(url) : routeLabel(url.pathname, v1Templates);
    metrics().httpDuration.observe(
      { route, method: req.method, status: String(res.status) },
      (performance.now() - started) / 1000,
    );
    return res;
  };
}
