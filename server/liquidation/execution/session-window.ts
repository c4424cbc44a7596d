// R7 when execution may trade: the A-share continuous sessions (09:30-11:30 and 13:00-15:00 Asia/Shanghai,
// on exchange days of the calendar in server/calendar) or, the demo's default, always (the simulator's
// market never closes). The choice is a setting (Setting "liquidation.executionSession"); outside a
// session claimed tickets wait, and the first slice after the open sells them.
import type { PrismaClient } from "../../db/generated/client";
import { isExchangeDay } from "../../calendar/calendar-service";

export const EXECUTION_SESSIONS = ["ALWAYS_OPEN", "A_SHARE"] as const;
export type ExecutionSession = (typeof EXECUTION_SESSIONS)[number];
export const EXECUTION_SESSION_KEY = "liquidation.executionSession";

/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Continuous trading, minutes after midnight Shanghai time: [start, end). */
export const A_SHARE_SESSIONS: ReadonlyArray<readonly [number, number]> = [
  [9 * 60 + 30, 11 * 60 + 30],
  [13 * 60, 15 * 60],
];

/** The Shanghai calendar date and minute of the day of an instant. */
export function shanghaiClock(nowMs: number): { date: string; minuteOfDay: number } {
  const local = new Date(nowMs + SHANGHAI_OFFSET_MS);
  return {
    date: local.toISOString().slice(0, 10),
    minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** Inside a continuous session by the clock alone (the calendar decides whether the day trades). */
export function inAShareSession(nowMs: number): boolean {
  const { minuteOfDay } = shanghaiClock(nowMs);
  return A_SHARE_SESSIONS.some(([from, to]) => minuteOfDay >= from && minuteOfDay < to);
}

export interface ExecutionWindow {
  isOpen(nowMs: number): Promise<boolean>;
}

export function isExecutionSession(v: unknown): v is ExecutionSession {
  return typeof v === "string" && (EXECUTION_SESSIONS as readonly string[]).includes(v);
}

export async function readExecutionSession(prisma: Pick<PrismaClient, "setting">): Promise<ExecutionSession> {
  const row = await prisma.setting.findUnique({ where: { key: EXECUTION_SESSION_KEY } });
  return isExecutionSession(row?.value) ? row.value : "ALWAYS_OPEN";
}

/** The window the desk asks before each slice: the setting, then the clock and the exchange calendar. */
export function settingExecutionWindow(prisma: PrismaClient): ExecutionWindow {
  return {
    async isOpen(nowMs) {
      if ((await readExecutionSession(prisma)) === "ALWAYS_OPEN") return true;
      return inAShareSession(nowMs) && isExchangeDay(prisma, shanghaiClock(nowMs).date);
    },
  };
}
