import type { ApiOperation } from "@/lib/openapi/operation";
import { payInput, paymentResponse } from "@/lib/payments/schemas";

export const paymentOperations: ApiOperation[] = [
  {
    method: "post", path: "/api/payments", tag: "Payment", summary: "Pay for held seats from the wallet",
    access: "sessionAndQueueToken",
    description:
      "In one transaction: checks the holds are the fan's, live and unpaid, debits the wallet, records the payment " +
      "and its ledger entry, confirms the reservations and ends the queue token. Not enough balance → 402 with " +
      "details {required, balance, shortfall} and nothing changes. A retry with the same Idempotency-Key and body " +
      "answers the first answer again (also after the queue token has ended).",
    requiresIdempotencyKey: true,
    body: payInput,
    responses: { 201: { description: "Paid.", schema: paymentResponse } },
    errors: [
      "IDEMPOTENCY_KEY_REQUIRED", "IDEMPOTENCY_KEY_REUSED", "REQUEST_IN_PROGRESS", "INSUFFICIENT_BALANCE",
      "RESERVATION_NOT_PAYABLE", "HOLD_EXPIRED", "INVALID_QUEUE_TOKEN", "NOT_ADMITTED", "QUEUE_TOKEN_EXPIRED",
    ],
  },
];
