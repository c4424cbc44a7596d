// Node-only start-up: boots the runtime (migrate, seed in demo mode, engine) once per server
// process, and closes it on SIGTERM/SIGINT (NEXT_MANUAL_SIG_HANDLE=1 keeps Next from exiting first).
import { getRuntime, shutdownRuntime } from "./server/runtime";
import { domainLog } from "./server/log";

export async function startNodeRuntime(): Promise<void> {
  const onSignal = (signal: string) => {
    domainLog("runtime").info({ signal }, "shutting down");
    void shutdownRuntime().finally(() => process.exit(0));
  };
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  process.once("SIGINT", () => onSignal("SIGINT"));
  // Not awaited: Next serves no request until register() returns, and the readiness probe must
  // answer 503 while migrations and the first seed run. Requests that need the runtime wait for it.
  void getRuntime().catch((err: unknown) => {
    domainLog("runtime").fatal({ err }, "failed to start");
    process.exit(1);
  });
}
