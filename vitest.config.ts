import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const shared = {
  resolve: {
    alias: {
      "@/": root,
      // Server-only modules are exercised directly by the tests.
      "server-only": fileURLToPath(new URL("./lib/testing/empty-module.ts", import.meta.url)),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          // Client components and hooks too; their files pick a DOM with `// @vitest-environment happy-dom`.
          include: ["lib/**/*.test.{ts,tsx}", "bench/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
          sequence: { groupOrder: 0 },
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["lib/**/*.integration.test.ts", "app/**/*.integration.test.ts", "scripts/**/*.integration.test.ts"],
          environment: "node",
          globalSetup: ["lib/testing/global-setup.ts"],
          setupFiles: ["lib/testing/setup-database.ts"],
          // The hashing budget's wait bound follows the machine's measured hash
          // time, so on a busy machine it sheds part of a burst of sign-ins with
          // 503: tests of throttles and races would then depend on the machine.
          // The bound has its own tests (hash-budget.test.ts with an injected
          // clock, hash-budget.integration.test.ts).
          env: { HASH_MAX_WAIT_MS: "60000" },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
          pool: "forks",
          maxWorkers: 2,
        },
      },
    ],
  },
});
