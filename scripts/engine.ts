// Runs the minute engine as its own process, without the web server (issue 14, DESIGN 8):
//   DATABASE_URL=postgresql://... REDIS_URL=redis://... INSTANCE_NAME=engine-1 npm run engine
// Several may run: the leader lock elects one, the others stand by (retrying every LEADER_RETRY_MS)
// and take over with a bumped fencing epoch. Web instances then run with ENGINE=off. Bars, ticks and
// desk events reach the web instances through the bus (Redis, or LISTEN/NOTIFY without REDIS_URL).
import { domainLog } from "../server/log";

if (!process.env.DATABASE_URL) {
  process.stderr.write("DATABASE_URL: required (the embedded PGlite default runs the engine inside npm start)\n");
  process.exit(2);
}
process.env.ENGINE = "on"; // this process exists to run the engine
const { getRuntime, shutdownRuntime } = await import("../server/runtime");
const rt = await getRuntime();
domainLog("engine").info(
  { instance: rt.fence?.instance, bus: rt.busChoice?.transport, leader: rt.leader?.isLeader() ?? false },
  "engine process ready (standby until it holds the leader lock)",
);
const stop = (signal: string) => {
  domainLog("engine").info({ signal }, "stopping the engine process");
  void shutdownRuntime().then(() => process.exit(0));
};
process.once("SIGTERM", () => stop("SIGTERM"));
process.once("SIGINT", () => stop("SIGINT"));
