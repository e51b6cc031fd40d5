"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useIdempotencyKey } from "@/components/wallet/use-idempotency-key";
import { walletKeys } from "@/components/wallet/wallet-queries";
import { ApiError, apiFetch } from "@/lib/client/api";
import { insufficientBalanceDetails, type PaymentResponse } from "@/lib/payments/schemas";

/**
 * Pays the given holds. Every attempt for the same holds carries the same
 * Idempotency-Key until one succeeds, so a retry after a lost answer, a double
 * click or a second tab can never pay twice.
 */
export function usePay(reservationIds: string[]) {
  const queryClient = useQueryClient();
  const { keyFor, settle } = useIdempotencyKey();
  return useMutation({
    mutationFn: () =>
      apiFetch<PaymentResponse>("/api/payments", {
        method: "POST",
        body: { reservationIds },
        headers: { "Idempotency-Key": keyFor(`pay:${[...reservationIds].sort().join(",")}`) },
      }),
    onSuccess: (result) => {
      settle();
      queryClient.setQueryData(walletKeys.balance(), result.balance);
      void queryClient.invalidateQueries({ queryKey: walletKeys.entries() });
    },
    onError: (error) => {
      // A 402 says what the balance really is; show that rather than a stale figure.
      const details = error instanceof ApiError && error.code === "INSUFFICIENT_BALANCE"
        ? insufficientBalanceDetails.safeParse(error.details)
        : null;
      if (details?.success) queryClient.setQueryData(walletKeys.balance(), details.data.balance);
    },
  });
}
