import "server-only";
import type { Db } from "@/lib/db";
import { preparedQuery } from "@/lib/db/prepared-query";
import type { SeatMapSnapshot, SnapshotSeat } from "@/lib/booking/seat-views";

/** What never changes of a section's seats once they are made (only an operator's price change, caught by `prices`). */
type SeatLayout = Omit<SnapshotSeat, "state" | "holderId" | "heldUntilMs">;

type SectionLayout = {
  seats: SeatLayout[];
  indexByNumber: Map<number, number>;
  /** The digest of the seats' prices in seat order, as the refresh statement computes it. */
  prices: string;
  /** The last snapshot made from this layout and the taken seats it was made of. */
  last?: { taken: string; snapshot: SeatMapSnapshot };
};

/** Layouts a process keeps at once (a section of an arena, by performance); the oldest go first. */
const MAX_LAYOUTS = 20_000;

const holder = globalThis as unknown as { encoreSectionLayouts?: Map<string, SectionLayout> };
const layouts = (holder.encoreSectionLayouts ??= new Map());

type RefreshRow = { concert_id: string; db_now: Date; prices: string; taken: string };

/**
 * One section's seat map, read as cheaply as a refresh can be: ONE statement
 * answers one row — the section's live reservations as text (`number:S|H:holder:endMs`,
 * by seat number) and a digest of its seats' prices — and the seats
 * themselves (ids, labels, rows, grades: they never change after creation)
 * are read once per process and kept. When the taken seats and prices are
 * what the last refresh found, the last snapshot object is answered again,
 * so its serialized body and tag (lib/booking/seat-views.ts) are reused
 * as they are: a stadium's 300 sections refreshed every second cost 300
 * one-row statements, not 70,000 rows parsed and re-serialized
 * (docs/decisions/140). Null when the section is not of the performance's venue.
 */
export async function readSectionSeatMap(db: Db, performanceId: string, sectionId: string): Promise<SeatMapSnapshot | null> {
  const readAtMs = Date.now();
  const [row] = await preparedQuery<RefreshRow>(db)`
    SELECT p.concert_id::text AS concert_id, now() AS db_now,
           md5(coalesce(string_agg(s.price::text, ',' ORDER BY s.number), '')) AS prices,
           coalesce(string_agg(
             s.number || ':' || CASE r.status WHEN 'CONFIRMED' THEN 'S' ELSE 'H' END || ':' || r.user_id || ':'
               || coalesce((extract(epoch FROM r.expires_at) * 1000)::bigint::text, ''),
             ',' ORDER BY s.number) FILTER (WHERE r.id IS NOT NULL), '') AS taken
    FROM performances p
    JOIN concerts c ON c.id = p.concert_id
    JOIN venue_sections vs ON vs.venue_id = c.venue_id AND vs.id = ${sectionId}::uuid
    LEFT JOIN seats s ON s.section_id = vs.id AND s.performance_id = p.id
    LEFT JOIN reservations r ON r.seat_id = s.id AND is_live_reservation(r.status, r.expires_at)
    WHERE p.id = ${performanceId}::uuid
    GROUP BY p.concert_id`;
  if (!row) return null;
  const key = `${performanceId}/${sectionId}`;
  let layout = layouts.get(key);
  if (!layout || layout.prices !== row.prices) {
    layout = await readLayout(db, performanceId, sectionId, row.prices);
    if (!layouts.has(key) && layouts.size >= MAX_LAYOUTS) layouts.delete(layouts.keys().next().value!);
    layouts.set(key, layout);
  }
  if (layout.last?.taken === row.taken) return layout.last.snapshot;
  const snapshot = { concertId: row.concert_id, clockOffsetMs: row.db_now.getTime() - readAtMs, seats: seatsOf(layout, row.taken) };
  layout.last = { taken: row.taken, snapshot };
  return snapshot;
}

type LayoutRow = { id: string; number: number; section_id: string; section_name: string; row_label: string; label: string; grade: string; price: bigint };

async function readLayout(db: Db, performanceId: string, sectionId: string, prices: string): Promise<SectionLayout> {
  const rows = await preparedQuery<LayoutRow>(db)`
    SELECT s.id::text AS id, s.number, vs.id::text AS section_id, vs.name AS section_name, s.row_label, s.label, s.grade, s.price
    FROM seats s JOIN venue_sections vs ON vs.id = s.section_id
    WHERE s.section_id = ${sectionId}::uuid AND s.performance_id = ${performanceId}::uuid
    ORDER BY s.number`;
  const seats = rows.map((row) => ({
    id: row.id, number: row.number, sectionId: row.section_id, sectionName: row.section_name,
    row: row.row_label, label: row.label, grade: row.grade, price: Number(row.price),
  }));
  return { seats, indexByNumber: new Map(seats.map((seat, index) => [seat.number, index])), prices };
}

function seatsOf(layout: SectionLayout, taken: string): SnapshotSeat[] {
  const seats: SnapshotSeat[] = layout.seats.map((seat) => ({ ...seat, state: null, holderId: null, heldUntilMs: null }));
  if (taken === "") return seats;
  for (const entry of taken.split(",")) {
    const [number, kind, holderId, endMs] = entry.split(":");
    const index = layout.indexByNumber.get(Number(number));
    if (index === undefined) continue; // a seat made after the layout was read: the next refresh reads it
    const isHeld = kind === "H";
    seats[index] = { ...seats[index]!, state: isHeld ? "HELD" : "SOLD", holderId: holderId!, heldUntilMs: isHeld && endMs ? Number(endMs) : null };
  }
  return seats;
}
