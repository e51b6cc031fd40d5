import type { FormState } from "@/lib/actions/form-state";
import type { ConcertTickets } from "@/lib/payments/group-tickets";

/**
 * The ticket on the list a refused cancellation concerns (its confirm button named it), so the
 * refusal is said beside it; null when the refusal concerns none still listed (cancelled in
 * another tab, the list re-read without it), and is said above the list.
 */
export function refusedTicketOf(state: Pick<FormState, "formError" | "values">, concerts: readonly ConcertTickets[]): string | null {
  const reservationId = state.formError ? state.values.reservationId : undefined;
  if (!reservationId) return null;
  const isListed = concerts.some((concert) =>
    concert.performances.some((performance) => performance.tickets.some((ticket) => ticket.reservationId === reservationId)),
  );
  return isListed ? reservationId : null;
}
