// Server state of the booking page: query keys, fetchers and the refresh
// rhythm. Types come from the same zod schemas that describe the API.
import type { z } from "zod";
import { apiFetch, apiFetchTagged, primeTagged } from "@/lib/client/api";
import type { heldReservationSchema, myReservationSchema, performanceSchema, seatSchema, sectionSchema, sectionsResponse } from "@/lib/booking/schemas";

export type Performance = z.infer<typeof performanceSchema>;
export type Seat = z.infer<typeof seatSchema>;
export type HeldReservation = z.infer<typeof heldReservationSchema>;
export type MyReservation = z.infer<typeof myReservationSchema>;
/** A section of the performance's venue: what is left of it, and where it is drawn. */
export type VenueSection = z.infer<typeof sectionSchema>;
export type SectionsOverview = z.infer<typeof sectionsResponse>;

/** Seats change under the fan's eyes; dates and holds change more slowly. */
export const SEATS_REFRESH_MS = 5_000;
export const PERFORMANCES_REFRESH_MS = 10_000;
export const HOLDS_REFRESH_MS = 10_000;

export const bookingKeys = {
  all: ["booking"] as const,
  performances: (concertId: string) => ["booking", "performances", concertId] as const,
  seats: (performanceId: string) => ["booking", "seats", performanceId] as const,
  sectionSeats: (performanceId: string, sectionId: string) => ["booking", "seats", performanceId, sectionId] as const,
  sections: (performanceId: string) => ["booking", "sections", performanceId] as const,
  myReservations: () => ["booking", "my-reservations"] as const,
};

export async function fetchPerformances(concertId: string): Promise<Performance[]> {
  const body = await apiFetch<{ performances: Performance[] }>(`/api/concerts/${concertId}/performances`);
  return body.performances;
}

/** The performance's seats, or one section's; unchanged since the last read → the same array (304). */
export async function fetchSeats(performanceId: string, sectionId?: string): Promise<Seat[]> {
  const query = sectionId ? `?section=${encodeURIComponent(sectionId)}` : "";
  const body = await apiFetchTagged<{ seats: Seat[] }>(`/api/performances/${performanceId}/seats${query}`);
  return body.seats;
}

const sectionsPath = (performanceId: string) => `/api/performances/${performanceId}/sections`;

export async function fetchSections(performanceId: string): Promise<SectionsOverview> {
  return apiFetchTagged<SectionsOverview>(sectionsPath(performanceId));
}

/** Sections read elsewhere (the page's server render), as if fetched: the next fetch asks with their ETag. */
export function primeSections(performanceId: string, etag: string, overview: SectionsOverview): void {
  primeTagged(sectionsPath(performanceId), etag, overview);
}

export async function fetchMyReservations(): Promise<MyReservation[]> {
  const body = await apiFetch<{ reservations: MyReservation[] }>("/api/reservations");
  return body.reservations;
}

export async function holdSeats(input: { performanceId: string; seatIds: string[] }): Promise<HeldReservation[]> {
  const body = await apiFetch<{ reservations: HeldReservation[] }>("/api/reservations", { method: "POST", body: input });
  return body.reservations;
}

export async function releaseHold(reservationId: string): Promise<void> {
  await apiFetch<void>(`/api/reservations/${reservationId}`, { method: "DELETE" });
}

/** Errors that mean the fan's turn is over (or never began): the page sends them back to the line. */
export const ADMISSION_ERROR_CODES: ReadonlySet<string> = new Set(["INVALID_QUEUE_TOKEN", "NOT_ADMITTED", "QUEUE_TOKEN_EXPIRED"]);
