import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Database } from "@/lib/db/client";

export type { Db, Database } from "@/lib/db/client";
export { Prisma } from "@/lib/db/client";

const globalForPrisma = globalThis as unknown as { encorePrisma?: Database };

/** The app's one Prisma client (one pool per process). */
export function db(): Database {
  globalForPrisma.encorePrisma ??= createPrismaClient({
    connectionString: env().DATABASE_URL,
    poolSize: env().DATABASE_POOL_SIZE,
  });
  return globalForPrisma.encorePrisma;
}
