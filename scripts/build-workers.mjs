// Bundles the worker threads' entries (server/workers/compute-worker.ts, stress-worker.ts and the pure
// code they import) into .workers/*.mjs: worker threads load plain JavaScript, and Next's
// server bundle cannot hand them its TypeScript modules. Run by build, dev and the test setup.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// compute-worker: short request jobs; stress-worker: stress runs (minutes long, their own pool so a
// run never holds the thread the request jobs need).
export async function buildWorkers() {
  await Promise.all(["compute-worker", "stress-worker"].map((name) => buildWorker(name)));
}

async function buildWorker(name) {
  await build({
    entryPoints: [path.join(root, `server/workers/${name}.ts`)],
    outfile: path.join(root, `.workers/${name}.mjs`),
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
