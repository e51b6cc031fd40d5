import type { SeatPlace } from "@/lib/venues/seat-place";

/** One confirmed seat, as the "my tickets" page shows it. */
export type Ticket = SeatPlace & {
  reservationId: string;
  seatNumber: number;
  grade: string;
  price: number;
  paidAt: string;
  /** The fan may still cancel it: its date's booking is open (is_booking_open). */
  isCancellable: boolean;
};

export type TicketRow = Ticket & {
  concertId: string;
  concertTitle: string;
  artist: string;
  venue: string;
  performanceId: string;
  startsAt: string;
  isPast: boolean;
};

export type PerformanceTickets = { performanceId: string; startsAt: string; isPast: boolean; tickets: Ticket[] };
export type ConcertTickets = {
  concertId: string;
  title: string;
  artist: string;
  venue: string;
  performances: PerformanceTickets[];
};

/**
 * Groups tickets by concert, then by performance date. Rows must come sorted by
 * date and seat; concerts keep the order of their earliest date.
 */
export function groupTickets(rows: TicketRow[]): ConcertTickets[] {
  const concerts = new Map<string, ConcertTickets>();
  const performances = new Map<string, PerformanceTickets>();
  for (const row of rows) {
    let concert = concerts.get(row.concertId);
    if (!concert) {
      concert = { concertId: row.concertId, title: row.concertTitle, artist: row.artist, venue: row.venue, performances: [] };
      concerts.set(row.concertId, concert);
    }
    let performance = performances.get(row.performanceId);
    if (!performance) {
      performance = { performanceId: row.performanceId, startsAt: row.startsAt, isPast: row.isPast, tickets: [] };
      performances.set(row.performanceId, performance);
      concert.performances.push(performance);
    }
    performance.tickets.push({
      reservationId: row.reservationId,
      seatNumber: row.seatNumber,
      sectionId: row.sectionId,
      sectionName: row.sectionName,
      row: row.row,
      label: row.label,
      grade: row.grade,
      price: row.price,
      paidAt: row.paidAt,
      isCancellable: row.isCancellable,
    });
  }
  return [...concerts.values()];
}
