// M1: the sources an ADMIN can choose as primary and secondary: the two simulator vendors, the
// CSV replay of real S&P 500 closes (2001, data/SP2001_sp500_constituents.csv: demo symbol i in
// code order replays the i-th constituent, scaled to the symbol's price) and a WebSocket vendor.
import path from "node:path";
import type { MarketEngine } from "../../engine/market-engine";
import { AppError } from "../../errors";
import { CsvReplaySource, loadReplayFile } from "../feeds/csv-replay-source";
import type { FeedSource } from "../feeds/feed-source";
import { SimulatorFeedSource } from "../feeds/simulator-source";
import { WebSocketFeedSource } from "../feeds/websocket-source";

export const FEED_CHOICES = ["sim-a", "sim-b", "replay", "websocket"] as const;
export type FeedChoice = (typeof FEED_CHOICES)[number];

export const REPLAY_FILE = "SP2001_sp500_constituents.csv";

function buildReplay(engine: MarketEngine): CsvReplaySource {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "data", REPLAY_FILE);
  let series;
  try {
    series = loadReplayFile(file);
  } catch {
    throw new AppError("PRECONDITION_FAILED", `The replay file data/${REPLAY_FILE} is missing on this server.`);
  }
  const columns = [...series.keys()].filter((c) => (series.get(c) ?? []).every((r) => r !== null));
  const specs = engine
    .simulator()
    .getSymbols()
    .filter((s) => !s.suspended);
  const mappings = specs
    .slice(0, columns.length)
    .map((s, i) => ({ symbol: s.code, column: columns[i] ?? "", prevClose: s.prevClose, lotSize: s.lotSize }));
  return new CsvReplaySource("replay", series, mappings, engine.now());
}

export function buildSource(engine: MarketEngine, choice: FeedChoice, wsUrl: string | undefined): FeedSource {
  const current = engine.feeds().sources();
  const existing = [current.primary, current.secondary].find((s) => s?.id === choice);
  if (existing && choice !== "websocket") return existing;
  switch (choice) {
    case "sim-a":
    case "sim-b":
      return new SimulatorFeedSource(choice, engine.simulatorHub());
    case "replay":
      return buildReplay(engine);
    case "websocket":
      if (!wsUrl) throw new AppError("BAD_REQUEST", "Give the WebSocket vendor's URL (ws:// or wss://).");
      return new WebSocketFeedSource("websocket", wsUrl).start();
  }
}
