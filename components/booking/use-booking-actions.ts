"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  ADMISSION_ERROR_CODES,
  bookingKeys,
  holdSeats,
  releaseHold,
  type MyReservation,
  type Seat,
} from "@/components/booking/booking-queries";
import { ApiError } from "@/lib/client/api";
import { booking as t } from "@/lib/i18n/ko/booking";
import { common } from "@/lib/i18n/ko/common";

type Options = {
  holdSeconds: number;
  /** The seats picked, to name those someone else took. */
  selectedSeats: Seat[];
  onHeld: () => void;
  /** Seats someone else took a moment earlier: drop them from the selection. */
  onSeatsTaken: (seatIds: string[]) => void;
  onAdmissionLost: () => void;
};

export type Notice = { tone: "success" | "warning" | "error"; text: string };

/** Holding and releasing seats, and turning every outcome into a message for the fan. */
export function useBookingActions({ holdSeconds, selectedSeats, onHeld, onSeatsTaken, onAdmissionLost }: Options) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: bookingKeys.all });

  function explain(error: unknown): Notice {
    if (!(error instanceof ApiError)) return { tone: "error", text: common.genericError };
    if (ADMISSION_ERROR_CODES.has(error.code)) {
      onAdmissionLost();
      return { tone: "error", text: t.errors.admissionEnded };
    }
    switch (error.code) {
      case "SEAT_UNAVAILABLE": {
        const taken = (error.details as { seatIds?: string[] } | undefined)?.seatIds ?? [];
        onSeatsTaken(taken);
        const names = selectedSeats.filter((seat) => taken.includes(seat.id)).map((seat) => seat.label);
        return { tone: "error", text: t.selection.taken(names.join(", ")) };
      }
      case "HOLD_LIMIT":
        return { tone: "warning", text: t.selection.holdLimit };
      case "BOOKING_CLOSED":
        return { tone: "error", text: t.selection.bookingClosed };
      case "UNAUTHENTICATED":
        return { tone: "error", text: t.errors.signedOut };
      case "NETWORK":
        return { tone: "error", text: error.message };
      default:
        return { tone: "error", text: common.genericError };
    }
  }

  // Each outcome waits for the refreshed map and hold list, so the page changes once, not twice.
  const hold = useMutation({
    mutationFn: holdSeats,
    onSuccess: async (held) => {
      await refresh();
      onHeld();
      setNotice({ tone: "success", text: t.selection.held(held.length, holdSeconds) });
    },
    onError: async (error) => {
      setNotice(explain(error));
      await refresh();
    },
  });

  const release = useMutation({
    mutationFn: (reservation: MyReservation) => releaseHold(reservation.id),
    onSuccess: async (_, reservation) => {
      await refresh();
      setNotice({ tone: "success", text: t.holds.released(reservation.label) });
    },
    onError: async (error) => {
      // A hold that is already gone (expired or paid) needs no message beyond the refreshed list.
      if (!(error instanceof ApiError && error.status === 404)) setNotice(explain(error));
      await refresh();
    },
  });

  return { hold, release, notice, setNotice };
}
