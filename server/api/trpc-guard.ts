// The tRPC endpoint's transport rules (DESIGN 10 limits, applied to the browser's API too):
// at most TRPC_MAX_BATCH_SIZE calls per batch (the client link uses the same number), POST bodies
// only as application/json (tRPC would also take multipart forms and octet streams, which a
// cross-site form can send with the victim's cookie), from this app's own origin, at most 1 MB,
// and no NUL character in the URL or the body.
import { AppError } from "../errors";
import { assertJsonContentType, assertNoNul, assertSameOrigin, MAX_BODY_BYTES, readBodyCapped } from "./request-limits";

export const TRPC_MAX_BATCH_SIZE = 10;

/**
 * Procedures that document a larger body than the 1 MB default (e.g. a file upload); a batch gets
 * the largest cap of the procedures it names. Add an entry here beside the procedure's own docs.
 */
export const TRPC_BODY_CAPS: Readonly<Record<string, number>> = {};

/** The body cap of a request naming these procedure paths. */
export function bodyCapFor(paths: readonly string[], defaultBytes = MAX_BODY_BYTES): number {
  return paths.reduce(
    (cap, p) => Math.max(cap, Object.hasOwn(TRPC_BODY_CAPS, p) ? (TRPC_BODY_CAPS[p] ?? 0) : 0),
    defaultBytes,
  );
}

/** Checks the request and returns one tRPC may read (the body re-wrapped after the capped read). */
export async function guardTrpcRequest(req: Request, defaultMaxBytes = MAX_BODY_BYTES): Promise<Request> {
  assertNoNul(decodeURIComponentSafe(req.url), "URL");
  const url = new URL(req.url);
  const paths = decodeURIComponentSafe(url.pathname.split("/").at(-1) ?? "").split(",");
  if (url.searchParams.get("batch") === "1" && paths.length > TRPC_MAX_BATCH_SIZE) {
    throw new AppError("BAD_REQUEST", `A batch may hold at most ${TRPC_MAX_BATCH_SIZE} calls (got ${paths.length}).`);
  }
  const maxBytes = bodyCapFor(paths, defaultMaxBytes);
  if (req.method !== "POST") return req;
  assertSameOrigin(req);
  assertJsonContentType(req.headers);
  const text = await readBodyCapped(req, maxBytes);
  assertNoNul(text, "request body");
  return new Request(req.url, { method: "POST", headers: req.headers, body: text, signal: req.signal });
}

function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
