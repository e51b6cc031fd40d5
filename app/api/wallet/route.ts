import { db } from "@/lib/db";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { json } from "@/lib/http/responses";
import { sessionRoute } from "@/lib/http/route";
import { getWalletBalance } from "@/lib/wallet/get-wallet-balance";

/** GET /api/wallet → the fan's balance (0 before the first charge). */
export const GET = sessionRoute(async ({ session }) => json({ balance: await getWalletBalance(db(), { userId: session.user.id }) }));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
