import { defineConfig } from "prisma/config";

// Only `prisma generate` runs here: migrations are plain SQL applied by
// scripts/migrate.ts (see docs/decisions/002-hand-written-migrations.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
