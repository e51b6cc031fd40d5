"use client";

import { useEffect, useRef } from "react";
import type { MyReservation } from "@/components/booking/booking-queries";

/**
 * Calls `onExpired` once when a hold the fan had on this page runs out of
 * time (by the clock, whether or not a poll has seen it yet). Holds that were
 * released or paid, here or in another tab, are forgotten when the list says so.
 */
export function useHoldExpiry(options: { reservations: MyReservation[] | undefined; concertId: string; now: number | null; onExpired: () => void }) {
  const { reservations, concertId, now, onExpired } = options;
  const liveHoldEnds = useRef(new Map<string, number>());

  useEffect(() => {
    if (now === null) return;
    const tracked = liveHoldEnds.current;
    for (const reservation of reservations ?? []) {
      if (reservation.concertId !== concertId) continue;
      const endsAt = Date.parse(reservation.expiresAt);
      if (reservation.status === "HELD" && endsAt > now) tracked.set(reservation.id, endsAt);
      if (reservation.status === "CANCELLED" || reservation.status === "CONFIRMED") tracked.delete(reservation.id);
    }
    const ended = [...tracked].filter(([, endsAt]) => endsAt <= now);
    if (ended.length === 0) return;
    for (const [id] of ended) tracked.delete(id);
    onExpired();
  }, [reservations, concertId, now, onExpired]);
}
