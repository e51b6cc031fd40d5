import { describe, expect, it } from "vitest";
import { groupTickets, type TicketRow } from "@/lib/payments/group-tickets";

function row(concertId: string, performanceId: string, seatNumber: number, startsAt: string): TicketRow {
  return {
    reservationId: `${performanceId}-${seatNumber}`, seatNumber, sectionId: "section-r", sectionName: "R석", row: "A", label: `R석 A열 ${seatNumber}번`, grade: "R", price: 110_000, paidAt: "2026-11-01T00:00:00.000Z",
    isCancellable: true,
    concertId, concertTitle: `title ${concertId}`, artist: "artist", venue: "venue", performanceId, startsAt, isPast: false,
  };
}

describe("groupTickets", () => {
  it("groups by concert, then by date, keeping the order of the rows", () => {
    const groups = groupTickets([
      row("a", "a1", 3, "2026-12-01T10:00:00.000Z"),
      row("a", "a1", 4, "2026-12-01T10:00:00.000Z"),
      row("b", "b1", 1, "2026-12-02T10:00:00.000Z"),
      row("a", "a2", 7, "2026-12-03T10:00:00.000Z"),
    ]);
    expect(groups.map((group) => group.concertId)).toEqual(["a", "b"]);
    expect(groups[0]!.performances.map((performance) => [performance.performanceId, performance.tickets.map((ticket) => ticket.seatNumber)]))
      .toEqual([["a1", [3, 4]], ["a2", [7]]]);
    expect(groups[1]).toMatchObject({ title: "title b", performances: [{ performanceId: "b1", startsAt: "2026-12-02T10:00:00.000Z" }] });
  });

  it("is empty without tickets", () => {
    expect(groupTickets([])).toEqual([]);
  });
});
