// What the risk engine publishes on "risk:tick" after each committed tick (and keeps as its last
// tick): its own module so the book state can name it without importing the engine.
import type { RiskStatus } from "../margin/risk-params";

export interface RiskTickEvent {
  minuteTs: number;
  paramVersion: number;
  counts: Record<RiskStatus, number>;
  changes: number;
  revalueMs: number;
  persistMs: number;
}
