// Generates the Prisma client offline. `prisma generate` never executes the
// schema engine, but the CLI insists on finding one before it starts; any
// executable satisfies it (see ENVIRONMENT notes in docs/decisions/002).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function generatePrismaClient(): void {
  const prismaCli = require.resolve("prisma/build/index.js");
  execFileSync(process.execPath, [prismaCli, "generate"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) generatePrismaClient();
