// Next.js start-up hook; the work is in instrumentation-node.ts (Node.js runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startNodeRuntime } = await import("./instrumentation-node");
  await startNodeRuntime();
}
