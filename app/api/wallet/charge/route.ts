import { otherMethods } from "@/lib/http/method-not-allowed";
import { idempotentRoute } from "@/lib/idempotency/idempotent-route";
import { chargeWallet } from "@/lib/wallet/charge-wallet";
import { chargeInput } from "@/lib/wallet/schemas";

/** POST /api/wallet/charge {amount} + Idempotency-Key → 200 {balance, entry}. */
export const POST = idempotentRoute(chargeInput, async ({ session, input, tx }) => ({
  status: 200,
  body: await chargeWallet(tx, { userId: session.user.id, amount: input.amount }),
}));

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods("POST");
