// Delivery retries: exponential backoff from 15 s, doubling, capped; after MAX_ATTEMPTS a delivery
// fails and the page goes out through the person's next channel.
export const MAX_ATTEMPTS = 4;
export const BACKOFF_BASE_MS = 15_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** Wait before attempt number `attempt + 1`, after `attempt` failures (attempt >= 1). */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
}
