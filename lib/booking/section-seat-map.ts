import "server-only";
import type { Db } from "@/lib/db";
import { preparedQuery } from "@/lib/db/prepared-query";
import type { SeatMapSnapshot, SnapshotSeat } from "@/lib/booking/seat-views";

/**
 * What the seat maps of a performance's sections need to know of the moment:
 * per section of its venue, the live reservations as text
 * (`number:S|H:holder:endMs`, by seat number; "" when none) and the version of
 * its seats' prices. Read for every section at once, shared by all of them.
 */
export type LiveSections = {
  concertId: string;
  /** The database clock minus this process's clock when it was read. */
  clockOffsetMs: number;
  bySection: Map<string, { taken: string; pricesVersion: number }>;
};

type LiveSectionRow = { concert_id: string; db_now: Date; section_id: string; prices_version: number; taken: string };

/**
 * The live reservations of every section of a performance, in ONE statement
 * (null for an unknown performance): O(live reservations + sections), never
 * the seats, whose prices are watched by a version the trigger
 * count_seat_price_changes moves (docs/decisions/165). Fans of a stadium look
 * at its 300 sections; one read a second answers all of them instead of one
 * statement per section refreshed.
 */
export async function readLiveSections(db: Db, performanceId: string): Promise<LiveSections | null> {
  const readAtMs = Date.now();
  const rows = await preparedQuery<LiveSectionRow>(db)`
    SELECT p.concert_id::text AS concert_id, now() AS db_now, vs.id::text AS section_id,
           coalesce(counts.prices_version, 0) AS prices_version, coalesce(taken.seats, '') AS taken
    FROM performances p
    JOIN concerts c ON c.id = p.concert_id
    JOIN venue_sections vs ON vs.venue_id = c.venue_id
    LEFT JOIN performance_section_seats counts ON counts.performance_id = p.id AND counts.section_id = vs.id
    LEFT JOIN (
      SELECT s.section_id, string_agg(
               s.number || ':' || CASE r.status WHEN 'CONFIRMED' THEN 'S' ELSE 'H' END || ':' || r.user_id || ':'
                 || coalesce((extract(epoch FROM r.expires_at) * 1000)::bigint::text, ''),
               ',' ORDER BY s.number) AS seats
      FROM reservations r JOIN seats s ON s.id = r.seat_id
      WHERE r.performance_id = ${performanceId}::uuid AND is_live_reservation(r.status, r.expires_at)
      GROUP BY s.section_id
    ) taken ON taken.section_id = vs.id
    WHERE p.id = ${performanceId}::uuid`;
  const first = rows[0];
  if (!first) return null;
  return {
    concertId: first.concert_id,
    clockOffsetMs: first.db_now.getTime() - readAtMs,
    bySection: new Map(rows.map((row) => [row.section_id, { taken: row.taken, pricesVersion: row.prices_version }])),
  };
}

/** What never changes of a section's seats once they are made (only an operator's price change, caught by `pricesVersion`). */
type SeatLayout = Omit<SnapshotSeat, "state" | "holderId" | "heldUntilMs">;

type SectionLayout = {
  seats: SeatLayout[];
  indexByNumber: Map<number, number>;
  /** The last snapshot made from this layout and the taken seats it was made of. */
  last?: { taken: string; snapshot: SeatMapSnapshot };
};

/** Layouts a process keeps at once (a section of an arena, by performance); the oldest go first. */
const MAX_LAYOUTS = 20_000;

type KnownLayout = { pricesVersion: number; layout: Promise<SectionLayout> };

const holder = globalThis as unknown as { encoreSectionLayoutReads?: Map<string, KnownLayout> };
const layouts = (holder.encoreSectionLayoutReads ??= new Map());

/**
 * One section's seat map, made from the performance's shared read of its
 * live reservations (`live`, readLiveSections): the section's seats
 * themselves (ids, labels, rows, grades, prices) are read once per process
 * and kept until their prices' version moves. When the section's taken seats
 * are what the last refresh found, the last snapshot object is answered
 * again, so its serialized body and tag (lib/booking/seat-views.ts) are
 * reused as they are: a refresh when nothing changed in the section costs no
 * statement of its own, no JSON and no hashing (docs/decisions/140, 165).
 * Null when the section is not of the performance's venue.
 */
export async function sectionSeatMap(db: Db, performanceId: string, sectionId: string, live: LiveSections | null): Promise<SeatMapSnapshot | null> {
  const section = live?.bySection.get(sectionId);
  if (!live || !section) return null;
  const layout = await layoutOf(db, performanceId, sectionId, section.pricesVersion);
  if (layout.last?.taken === section.taken) return layout.last.snapshot;
  const snapshot = { concertId: live.concertId, clockOffsetMs: live.clockOffsetMs, seats: seatsOf(layout, section.taken) };
  layout.last = { taken: section.taken, snapshot };
  return snapshot;
}

/** The section's seats as of `pricesVersion` or later, read once however many refreshes ask at the same moment. */
function layoutOf(db: Db, performanceId: string, sectionId: string, pricesVersion: number): Promise<SectionLayout> {
  const key = `${performanceId}/${sectionId}`;
  const known = layouts.get(key);
  if (known && known.pricesVersion >= pricesVersion) return known.layout;
  const reading: KnownLayout = { pricesVersion, layout: readLayout(db, performanceId, sectionId) };
  reading.layout.catch(() => {
    if (layouts.get(key) === reading) layouts.delete(key); // not remembered: the next refresh reads again
  });
  if (!known && layouts.size >= MAX_LAYOUTS) layouts.delete(layouts.keys().next().value!);
  layouts.set(key, reading);
  return reading.layout;
}

type LayoutRow = { id: string; number: number; section_id: string; section_name: string; row_label: string; label: string; grade: string; price: bigint };

async function readLayout(db: Db, performanceId: string, sectionId: string): Promise<SectionLayout> {
  const rows = await preparedQuery<LayoutRow>(db)`
    SELECT s.id::text AS id, s.number, vs.id::text AS section_id, vs.name AS section_name, s.row_label, s.label, s.grade, s.price
    FROM seats s JOIN venue_sections vs ON vs.id = s.section_id
    WHERE s.section_id = ${sectionId}::uuid AND s.performance_id = ${performanceId}::uuid
    ORDER BY s.number`;
  const seats = rows.map((row) => ({
    id: row.id, number: row.number, sectionId: row.section_id, sectionName: row.section_name,
    row: row.row_label, label: row.label, grade: row.grade, price: Number(row.price),
  }));
  return { seats, indexByNumber: new Map(seats.map((seat, index) => [seat.number, index])) };
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
