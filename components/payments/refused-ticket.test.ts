import { describe, expect, it } from "vitest";
import { refusedTicketOf } from "@/components/payments/refused-ticket";
import type { ConcertTickets, Ticket } from "@/lib/payments/group-tickets";

const ticket = (reservationId: string): Ticket => ({
  reservationId,
  seatNumber: 1,
  grade: "R",
  price: 90_000,
  paidAt: "2026-11-30T01:00:00.000Z",
  isCancellable: true,
  sectionId: "s1",
  sectionName: "A구역",
  row: "1",
  label: `A구역 1열 ${reservationId}번`,
});

const concerts: ConcertTickets[] = [
  {
    concertId: "c1",
    title: "공연",
    artist: "밴드",
    venue: "홀",
    performances: [
      { performanceId: "p1", startsAt: "2026-12-07T10:00:00.000Z", isPast: false, tickets: [ticket("r1")] },
      { performanceId: "p2", startsAt: "2026-12-08T10:00:00.000Z", isPast: false, tickets: [ticket("r2"), ticket("r3")] },
    ],
  },
];

describe("refusedTicketOf", () => {
  it("names the listed ticket whose cancellation was refused", () => {
    expect(refusedTicketOf({ formError: "예매가 마감되어 이 티켓은 취소할 수 없어요.", values: { reservationId: "r3" } }, concerts)).toBe("r3");
  });

  it("names none when the refused ticket has left the list, so the refusal is said above it", () => {
    expect(refusedTicketOf({ formError: "이미 취소된 티켓이에요. 목록을 새로 고쳤어요.", values: { reservationId: "gone" } }, concerts)).toBeNull();
    expect(refusedTicketOf({ formError: "이미 취소된 티켓이에요. 목록을 새로 고쳤어요.", values: { reservationId: "r1" } }, [])).toBeNull();
  });

  it("names none without a refusal, or for a refusal that names no ticket", () => {
    expect(refusedTicketOf({ formError: null, values: { reservationId: "r1" } }, concerts)).toBeNull();
    expect(refusedTicketOf({ formError: "로그인이 끝났습니다.", values: {} }, concerts)).toBeNull();
  });
});
