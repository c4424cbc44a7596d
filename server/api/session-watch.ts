// Live streams end when their session does (DESIGN 0): a subscription's async iterable is wrapped
// so that the caller's session (or API token) is re-checked every interval; once it is revoked,
// expired, or the user is disabled or changes role, the stream ends with UNAUTHORIZED.
import { domainLog } from "../log";
import { TRPCError } from "@trpc/server";

export const SESSION_RECHECK_MS = 10_000;

export function endWhenRevoked<T>(
  source: AsyncIterable<T>,
  isAlive: () => Promise<boolean>,
  intervalMs: number = SESSION_RECHECK_MS,
): AsyncIterable<T> {
  return (async function* watched() {
    const it = source[Symbol.asyncIterator]();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const revoked = new Promise<"revoked">((resolve) => {
      const check = async () => {
        let alive = true;
        try {
          alive = await isAlive();
        } catch (err) {
          domainLog("api").error({ err }, "stream session re-check failed; keeping the stream");
        }
        if (stopped) return;
        if (alive) timer = setTimeout(() => void check(), intervalMs);
        else resolve("revoked");
      };
      timer = setTimeout(() => void check(), intervalMs);
    });
    try {
      for (;;) {
        const next = await Promise.race([it.next(), revoked]);
        if (next === "revoked")
          throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Please sign in again." });
        if (next.done) return;
        yield next.value;
      }
    } finally {
      stopped = true;
      clearTimeout(timer);
      // Not awaited: a source suspended on its own wait finishes when that wait ends or the
      // request's signal aborts.
      void it.return?.();
    }
  })();
}

export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value !== null && typeof value === "object" && Symbol.asyncIterator in value;
}
