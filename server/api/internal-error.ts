// A 500 never shows internals (DESIGN 10): the caller gets a correlation id, the log gets the
// details under the same id, so support can find one from the other.
import crypto from "node:crypto";
import { domainLog } from "../log";

/** Logs an unexpected error under a correlation id (the request id when there is one) and returns the id. */
export function reportInternalError(where: string, err: unknown, ref: string = crypto.randomUUID()): string {
  domainLog("api").error({ err, where, ref }, "unexpected error");
  return ref;
}

export function internalErrorMessage(ref: string): string {
  return `Internal error; nothing was changed. Quote reference ${ref} to support.`;
}
