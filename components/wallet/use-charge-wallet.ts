"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useIdempotencyKey } from "@/components/wallet/use-idempotency-key";
import { chargeWallet, walletKeys } from "@/components/wallet/wallet-queries";
import type { ChargeResponse } from "@/lib/wallet/schemas";

/**
 * Charges the wallet. A failed attempt keeps its Idempotency-Key, so charging
 * the same amount again after a network error cannot charge twice.
 */
export function useChargeWallet(options: { onCharged?: (result: ChargeResponse, amount: number) => void } = {}) {
  const queryClient = useQueryClient();
  const { keyFor, settle } = useIdempotencyKey();
  return useMutation({
    mutationFn: (amount: number) => chargeWallet(amount, keyFor(`charge:${amount}`)),
    onSuccess: (result, amount) => {
      settle();
      queryClient.setQueryData(walletKeys.balance(), result.balance);
      void queryClient.invalidateQueries({ queryKey: walletKeys.entries() });
      options.onCharged?.(result, amount);
    },
  });
}
