// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import type { MyReservation } from "@/components/booking/booking-queries";
import { useHoldExpiry } from "@/components/booking/use-hold-expiry";
import { renderHook } from "@/components/testing/render-hook";

const CONCERT = "concert-1";
const T0 = Date.parse("2026-12-01T11:00:00Z");

function reservation(id: string, overrides: Partial<MyReservation> = {}): MyReservation {
  return {
    id,
    seatId: `seat-${id}`,
    seatNumber: 1,
    sectionId: "section-r",
    sectionName: "R석",
    row: "A",
    label: "R석 A열 1번",
    grade: "R",
    performanceId: "performance-1",
    startsAt: "2026-12-24T10:00:00.000Z",
    concertId: CONCERT,
    concertTitle: "공연",
    price: 110_000,
    status: "HELD",
    expiresAt: new Date(T0 + 5 * 60_000).toISOString(),
    createdAt: new Date(T0).toISOString(),
    ...overrides,
  };
}

type Props = { reservations: MyReservation[] | undefined; now: number | null };

function watch(initial: Props) {
  const onExpired = vi.fn();
  const hook = renderHook((props: Props) => useHoldExpiry({ ...props, concertId: CONCERT, onExpired }), initial);
  return { onExpired, rerender: hook.rerender };
}

describe("useHoldExpiry", () => {
  it("calls onExpired once when a live hold's time runs out, without waiting for the list to say so", () => {
    const holds = [reservation("a")];
    const { onExpired, rerender } = watch({ reservations: holds, now: T0 });

    rerender({ reservations: holds, now: T0 + 5 * 60_000 - 1 });
    expect(onExpired).not.toHaveBeenCalled();

    rerender({ reservations: holds, now: T0 + 5 * 60_000 });
    expect(onExpired).toHaveBeenCalledTimes(1);

    rerender({ reservations: holds, now: T0 + 6 * 60_000 });
    rerender({ reservations: [reservation("a", { status: "EXPIRED" })], now: T0 + 7 * 60_000 });
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it("calls it once for several holds that run out at the same tick", () => {
    const holds = [reservation("a"), reservation("b")];
    const { onExpired, rerender } = watch({ reservations: holds, now: T0 });

    rerender({ reservations: holds, now: T0 + 10 * 60_000 });

    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it("forgets holds that were paid or released, here or in another tab", () => {
    const { onExpired, rerender } = watch({ reservations: [reservation("paid"), reservation("released")], now: T0 });

    rerender({
      reservations: [reservation("paid", { status: "CONFIRMED" }), reservation("released", { status: "CANCELLED" })],
      now: T0 + 1_000,
    });
    rerender({ reservations: [], now: T0 + 10 * 60_000 });

    expect(onExpired).not.toHaveBeenCalled();
  });

  it("ignores other concerts' holds and holds already over when first seen", () => {
    const holds = [
      reservation("elsewhere", { concertId: "concert-2" }),
      reservation("stale", { expiresAt: new Date(T0 - 1_000).toISOString() }),
    ];
    const { onExpired, rerender } = watch({ reservations: holds, now: T0 });

    rerender({ reservations: holds, now: T0 + 10 * 60_000 });

    expect(onExpired).not.toHaveBeenCalled();
  });

  it("does nothing before the clock is known (server render and hydration)", () => {
    const holds = [reservation("a", { expiresAt: new Date(T0 - 1_000).toISOString() })];
    const { onExpired, rerender } = watch({ reservations: holds, now: null });

    rerender({ reservations: holds, now: null });

    expect(onExpired).not.toHaveBeenCalled();
  });

  it("keeps watching a hold while the list reloads, until its time is up", () => {
    const { onExpired, rerender } = watch({ reservations: [reservation("a")], now: T0 });

    rerender({ reservations: undefined, now: T0 + 60_000 });
    expect(onExpired).not.toHaveBeenCalled();
    rerender({ reservations: undefined, now: T0 + 5 * 60_000 });

    expect(onExpired).toHaveBeenCalledTimes(1);
  });
});
