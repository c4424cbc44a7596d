// A 500 never shows internals (DESIGN 10): the caller gets a correlation id, the log gets the
// details under the same id, so support can find one from the other.
import crypto from "node:crypto";

/** Logs an unexpected error with a new correlation id and returns the id. */
export function reportInternalError(where: string, err: unknown): string {
  const ref = crypto.randomUUID();
  const e = err instanceof Error ? err : new Error(String(err));
  console.error(JSON.stringify({ level: "error", msg: "unexpected error", where, ref, error: e.message, name: e.name, stack: e.stack }));
  return ref;
}

export function internalErrorMessage(ref: string): string {
  return `Internal error; nothing was changed. Quote reference ${ref} to support.`;
}
