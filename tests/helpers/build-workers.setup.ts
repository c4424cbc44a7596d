// Vitest global setup: the compute pool's worker bundle is built from the current sources before
// any test runs (route handlers and services called by the tests use the pool).
// @ts-expect-error plain ESM build script without type declarations
import { buildWorkers } from "../../scripts/build-workers.mjs";

export default async function setup(): Promise<void> {
  await buildWorkers();
}
