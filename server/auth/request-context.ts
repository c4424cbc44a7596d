// Per-request facts that deep code needs without threading them through every service: which API
// token (if any) made the call. The audit service reads it so every event of a token call names
// the token (DESIGN 0), whichever domain writes the event.
import { AsyncLocalStorage } from "node:async_hooks";
import type { ApiTokenActor } from "./session-types";

interface RequestFacts {
  token: ApiTokenActor | null;
}

const storage = new AsyncLocalStorage<RequestFacts>();

export function runWithRequestFacts<T>(facts: RequestFacts, fn: () => T): T {
  return storage.run(facts, fn);
}

/** The API token of the current request, or null for a session (or no request). */
export function currentApiToken(): ApiTokenActor | null {
  return storage.getStore()?.token ?? null;
}
