// Node-only start-up: boots the runtime (migrate, seed in demo mode, engine) once per server
// process, and closes it on SIGTERM/SIGINT (NEXT_MANUAL_SIG_HANDLE=1 keeps Next from exiting first).
import { getRuntime, shutdownRuntime } from "./server/runtime";

export async function startNodeRuntime(): Promise<void> {
  const onSignal = (signal: string) => {
    console.log(`[minute-desk] ${signal}: shutting down`);
    void shutdownRuntime().finally(() => process.exit(0));
  };
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  process.once("SIGINT", () => onSignal("SIGINT"));
  try {
    await getRuntime();
  } catch (err) {
    console.error(`[minute-desk] failed to start:\n${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
