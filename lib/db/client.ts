import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client.ts";

export { Prisma };
export type Database = PrismaClient;
/** The database or an open transaction: domain functions take either. */
export type Db = PrismaClient | Prisma.TransactionClient;

export function createPrismaClient(options: { connectionString: string; poolSize?: number }): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    // A client that cannot get a connection in time fails fast instead of
    // queueing forever behind a storm.
    connectionTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter });
}
