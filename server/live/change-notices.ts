// "What changed" notices for the browser's caches: instead of every screen polling its queries, one
// stream per tab says which area changed and the client invalidates (refetches) only the queries
// of that area that are on screen. A notice carries no data, only a scope name:
//   - a router's name after any successful mutation in it ("payments", "surveillance", ...), so
//     another person's approval shows on this screen at once;
//   - "tick" after the risk engine's minute tick (figures, margin calls, capital), "minute" after
//     the market engine's bar close (engine status, feed health), "alerts" for a market alert
//     (cases, incidents), "desk" for a desk event (incidents) and "freeze" for a mark freeze.
// Each scope is only sent to roles that may view that area.
import { hasPermission, type Permission } from "../auth/roles";
import type { SessionUser } from "../auth/session-types";
import type { EventBus } from "../engine/event-bus";

export const CHANGE_TOPIC = "live:changed";

export interface ChangeNotice {
  scope: string;
}

/**
 * Bus topics other domains already publish, and the scope each becomes. Named here as strings so
 * this module does not load the engines; change-notices.test.ts checks them against their owners.
 */
export const TOPIC_SCOPES: ReadonlyArray<[topic: string, scope: string]> = [
  ["risk:tick", "tick"],
  ["minute", "minute"],
  ["market:alerts", "alerts"],
  ["notify:desk-event", "desk"],
  ["liquidation:freeze", "freeze"],
];

/** The permission that lets a role see a scope's screens; unlisted scopes reach any signed-in user. */
const SCOPE_PERMISSION: Record<string, Permission> = {
  tick: "risk.view",
  minute: "market.view",
  alerts: "alerts.view",
  desk: "oncall.view",
  freeze: "liquidation.view",
  accounts: "accounts.view",
  admin: "users.view",
  audit: "audit.view",
  monitoring: "alerts.view",
  risk: "riskParams.view",
  payments: "payments.view",
  liquidation: "liquidation.view",
  liquidationLedger: "liquidation.view",
  oncall: "oncall.view",
  calendar: "calendars.view",
  capital: "capital.view",
  funding: "funding.view",
  surveillance: "surveillance.view",
  reports: "reports.view",
  stress: "stress.view",
};

/** Routers whose mutations change nobody else's screen (a person's own sign-in and step-up). */
const QUIET_ROUTERS = new Set(["auth"]);

export function mayHear(user: Pick<SessionUser, "role">, scope: string): boolean {
  const need = SCOPE_PERMISSION[scope];
  return need === undefined || hasPermission(user.role, need);
}

/** After a successful mutation at `path` ("payments.approve"): tells every open tab its area changed. */
export function announceMutation(bus: EventBus, path: string): void {
  const scope = path.split(".")[0] ?? "";
  if (scope === "" || QUIET_ROUTERS.has(scope)) return;
  bus.publish<ChangeNotice>(CHANGE_TOPIC, { scope });
}

/**
 * The notices one user may hear, as an async iterator that ends on abort. Subscribes at once;
 * notices of one scope that pile up while the client is slow are sent once (they carry no data).
 */
export function streamChangeNotices(
  bus: EventBus,
  user: Pick<SessionUser, "role">,
  signal: AbortSignal | undefined,
): AsyncGenerator<ChangeNotice> {
  const pending = new Set<string>();
  let wake: (() => void) | undefined;
  let closed = false;
  const hear = (scope: string) => {
    if (!mayHear(user, scope)) return;
    pending.add(scope);
    wake?.();
  };
  const offs = [
    bus.subscribe<ChangeNotice>(CHANGE_TOPIC, (e) => hear(e.data.scope)),
    ...TOPIC_SCOPES.map(([topic, scope]) => bus.subscribe(topic, () => hear(scope))),
  ];
  const close = () => {
    if (closed) return;
    closed = true;
    for (const off of offs) off();
    signal?.removeEventListener("abort", close);
    wake?.();
  };
  signal?.addEventListener("abort", close);
  if (signal?.aborted) close();
  async function* run(): AsyncGenerator<ChangeNotice> {
    try {
      while (!closed) {
        const [scope] = pending;
        if (scope !== undefined) {
          pending.delete(scope);
          yield { scope };
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
    } finally {
      close();
    }
  }
  return run();
}
