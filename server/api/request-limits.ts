// Transport limits shared by the v1 API, the tRPC endpoint and the bank callback (DESIGN 10
// "Limits, for every route"): bodies are capped before they are buffered (Content-Length first,
// then the streamed bytes are counted), bodies must be JSON, state-changing browser requests must
// come from this app's own origin, and text may not carry a NUL character (PostgreSQL refuses it).
import { AppError } from "../errors";
import { getEnv } from "../env";

/** Default body cap of every route that does not document its own. */
export const MAX_BODY_BYTES = 1024 * 1024;

function formatBytes(n: number): string {
  return n >= 1024 * 1024
    ? `${(n / (1024 * 1024)).toLocaleString("en-US")} MB`
    : `${(n / 1024).toLocaleString("en-US")} KB`;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The request body is larger than the ${formatBytes(maxBytes)} limit of this route.`,
  );
}

/** 413 at once when the declared length is over the cap (nothing is read). */
export function assertDeclaredLength(headers: Headers, maxBytes = MAX_BODY_BYTES): void {
  const declared = headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
}

/**
 * Reads the body as UTF-8 text, at most maxBytes: over the declared length -> 413 before reading,
 * and a body that streams more bytes than the cap (no or false Content-Length) is cut off at the cap.
 */
export async function readBodyCapped(req: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  assertDeclaredLength(req.headers, maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Not awaited: cancelling one branch of a tee (a cloned request) settles only once both are cancelled.
      void reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks, total));
}

/** The media type of a request (lower case, without parameters), or null. */
export function mediaTypeOf(headers: Headers): string | null {
  const raw = headers.get("content-type");
  if (!raw) return null;
  return raw.split(";", 1)[0]?.trim().toLowerCase() || null;
}

/** 415 unless the body is declared as application/json. */
export function assertJsonContentType(headers: Headers): void {
  const type = mediaTypeOf(headers);
  if (type !== "application/json") {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      type
        ? `Send the body as application/json (got ${type.slice(0, 60)}).`
        : "Send the body as application/json (the Content-Type header is missing).",
    );
  }
}

/** The origins this app answers on: NEXTAUTH_URL's and the request's own host. */
function allowedOrigins(req: Request): Set<string> {
  const out = new Set<string>();
  try {
    out.add(new URL(req.url).origin);
  } catch {
    // a relative or odd URL: only the configured origin counts
  }
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (host) {
    const proto =
      req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ||
      new URL(req.url, "http://localhost").protocol.replace(":", "");
    out.add(`${proto}://${host}`);
  }
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) out.add(new URL(configured).origin);
  return out;
}

/**
 * CSRF: a browser names the page that sent a request (Origin, Sec-Fetch-Site). A cross-site one is
 * refused. Requests with neither header come from scripts, not browsers, and carry no ambient
 * cookie of a victim (they pass).
 */
export function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new AppError("FORBIDDEN", "Cross-site requests are refused (Sec-Fetch-Site).");
  }
  const origin = req.headers.get("origin");
  if (origin === null) return;
  if (!allowedOrigins(req).has(origin)) throw new AppError("FORBIDDEN", "Cross-origin requests are refused (Origin).");
}

// "\u0000" as JSON writes it, or %00 in a URL; a raw NUL byte too.
const NUL_PATTERN = /\\u0000|%00|\u0000/i;

/** 400 when text (a JSON body or a URL) carries a NUL character: no stored text may hold one. */
export function assertNoNul(text: string, where: string): void {
  if (NUL_PATTERN.test(text))
    throw new AppError("BAD_REQUEST", `The ${where} contains a NUL character (U+0000), which is not allowed.`);
}
