// Structured JSON logs (pino): one line per event on stdout, a child logger per domain, a request
// id on every API request and a minute id on every engine minute, so one request or one minute
// close can be followed across domains with a single grep.
import crypto from "node:crypto";
import pino, { type Logger } from "pino";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type Level = (typeof LEVELS)[number];

// Read here rather than through getEnv(): the logger must work before (and while) the configuration
// is validated, to report a bad configuration. env.ts validates the same variable at start.
const fromEnv = process.env.LOG_LEVEL;
const level: Level = (LEVELS as readonly string[]).includes(fromEnv ?? "") ? (fromEnv as Level) : "info";

export const log: Logger = pino({
  level,
  base: { service: "minute-desk" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

export type Domain =
  | "runtime"
  | "notify"
  | "engine"
  | "market"
  | "risk"
  | "payments"
  | "auth"
  | "api"
  | "trpc"
  | "db"
  | "bus"
  | "audit"
  | "funding"
  | "oncall"
  | "surveillance"
  | "liquidation"
  | "reports"
  | "stress";

/** A logger for one domain (its lines carry domain: "<name>"). */
export function domainLog(domain: Domain): Logger {
  return log.child({ domain });
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The caller's X-Request-Id when it is a sane token (a proxy's), else a new one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

/** The id of an engine minute in logs: the minute's start as ISO-8601 (e.g. 2026-12-02T06:31:00.000Z). */
export function minuteId(minuteTs: number): string {
  return new Date(minuteTs).toISOString();
}
