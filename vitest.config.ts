import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          globalSetup: ["tests/helpers/build-workers.setup.ts"],
          include: ["server/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          globalSetup: ["tests/helpers/build-workers.setup.ts"],
          include: ["server/**/*.int.test.ts", "tests/**/*.int.test.ts"],
          environment: "node",
          // Two files share the two cores: a test's wall time can double.
          testTimeout: 150_000,
          hookTimeout: 240_000,
          // Every suite has databases of its own (PGlite in memory, a fresh PostgreSQL database), so two
          // files run at once: while one waits on PostgreSQL the other computes.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
