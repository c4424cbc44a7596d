// Bundles the compute pool's worker (server/workers/compute-worker.ts and the pure code it
// imports) into .workers/compute-worker.mjs: worker threads load plain JavaScript, and Next's
// server bundle cannot hand them its TypeScript modules. Run by build, dev and the test setup.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildWorkers() {
  await build({
    entryPoints: [path.join(root, "server/workers/compute-worker.ts")],
    outfile: path.join(root, ".workers/compute-worker.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "inline",
    logLevel: "warning",
    tsconfig: path.join(root, "tsconfig.json"),
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWorkers();
}
