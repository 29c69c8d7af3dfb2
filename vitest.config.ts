import path from "node:path";
import { defineConfig } from "vitest/config";

// Two tiers: unit tests sit next to the code; integration tests (tests/integration) use the real
// SQLite file, Redis and the testbed, each run with a fresh database (tests/integration/setup.ts).
const alias = { "@": path.resolve(__dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "workers/**/*.test.ts"],
          environment: "node",
          env: { TAO_SECRET_KEY: "0".repeat(64) },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          // Files share one database, one Redis database and the testbed hosts: one file at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // DATABASE_URL, TAO_DATA_DIR and REDIS_URL are set per run by the global setup.
          env: { TAO_SECRET_KEY: "1".repeat(64) },
        },
      },
    ],
  },
});
