import type { ApiOperation } from "@/lib/openapi/operation";
import {
  chargeInput,
  chargeResponse,
  walletBalanceResponse,
  walletEntriesQuery,
  walletEntriesResponse,
} from "@/lib/wallet/schemas";

export const walletOperations: ApiOperation[] = [
  {
    method: "get", path: "/api/wallet", tag: "Wallet", summary: "The wallet balance", access: "session",
    description: "The caller's balance in won, 0 before the first charge.",
    responses: { 200: { description: "The balance in won; 0 before the first charge.", schema: walletBalanceResponse } },
  },
  {
    method: "post", path: "/api/wallet/charge", tag: "Wallet", summary: "Charge the wallet", access: "session",
    description:
      "Adds a whole number of won (1 … 1,000,000) and records a CHARGE entry. The first charge creates the wallet. " +
      "A retry with the same Idempotency-Key and body answers the first answer again without charging twice.",
    requiresIdempotencyKey: true,
    body: chargeInput,
    responses: { 200: { description: "Charged.", schema: chargeResponse } },
    errors: ["IDEMPOTENCY_KEY_REQUIRED", "IDEMPOTENCY_KEY_REUSED", "REQUEST_IN_PROGRESS"],
  },
  {
    method: "get", path: "/api/wallet/entries", tag: "Wallet", summary: "The wallet history", access: "session",
    description: "Charges and payments, newest first. Pass nextCursor back as cursor for the next page; null means the end.",
    query: walletEntriesQuery,
    responses: { 200: { description: "One page of entries.", schema: walletEntriesResponse } },
    errors: ["VALIDATION_FAILED"],
  },
];
