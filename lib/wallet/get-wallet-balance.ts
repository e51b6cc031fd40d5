import "server-only";
import type { Db } from "@/lib/db";

/** The fan's balance in won; 0 before the first charge creates the wallet. */
export async function getWalletBalance(db: Db, options: { userId: string }): Promise<number> {
  const wallet = await db.wallet.findUnique({ where: { userId: options.userId }, select: { balance: true } });
  return Number(wallet?.balance ?? 0n);
}
