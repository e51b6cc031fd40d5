"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useIdempotencyKey } from "@/components/wallet/use-idempotency-key";
import { walletKeys } from "@/components/wallet/wallet-queries";
import { apiFetch } from "@/lib/client/api";
import type { CancelTicketResponse } from "@/lib/refunds/schemas";

/**
 * Cancels one of the fan's tickets (POST /api/tickets/{id}/cancel). A failed
 * attempt keeps its Idempotency-Key, so pressing again after a lost answer
 * cannot refund twice; the wallet's cached balance and history are refreshed.
 */
export function useCancelTicket(options: { onCancelled?: (result: CancelTicketResponse) => void } = {}) {
  const queryClient = useQueryClient();
  const { keyFor, settle } = useIdempotencyKey();
  return useMutation({
    mutationFn: (reservationId: string) =>
      apiFetch<CancelTicketResponse>(`/api/tickets/${encodeURIComponent(reservationId)}/cancel`, {
        method: "POST",
        headers: { "Idempotency-Key": keyFor(`cancel:${reservationId}`) },
      }),
    onSuccess: (result) => {
      settle();
      queryClient.setQueryData(walletKeys.balance(), result.balance);
      void queryClient.invalidateQueries({ queryKey: walletKeys.entries() });
      options.onCancelled?.(result);
    },
  });
}
