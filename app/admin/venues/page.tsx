import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleHeader } from "@/components/admin/console-frame";
import { VenueDrawing } from "@/components/admin/venues/venue-drawing";
import styles from "@/components/admin/venues/venues.module.css";
import { db } from "@/lib/db";
import { requirePageOperator } from "@/lib/http/page-session";
import { admin } from "@/lib/i18n/ko/admin";
import { readVenues } from "@/lib/venues/read-venues";

const t = admin.venues;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<{ created?: string }> };

export default async function AdminVenuesPage({ searchParams }: Props) {
  await requirePageOperator("/admin/venues");
  const [venues, { created }] = await Promise.all([readVenues(db()), searchParams]);
  const createdVenue = venues.find((venue) => venue.id === created);
  return (
    <>
      <ConsoleHeader title={t.title} lead={t.lead}>
        <div><Link href="/admin/venues/new" className="btn btn--primary">{t.create}</Link></div>
      </ConsoleHeader>
      {createdVenue && <p className="alert alert--success" role="status">{t.created} {createdVenue.name} · {t.seats(createdVenue.totalSeats)}</p>}
      {venues.length === 0 ? (
        <p className="card muted">{t.empty}</p>
      ) : (
        <ul className={styles.list}>
          {venues.map((venue) => (
            <li key={venue.id} className="card stack">
              <h2>{venue.name}</h2>
              <p className="muted small">{t.seats(venue.totalSeats)} · {t.sectionsCount(venue.sections.length)} · {venue.grades.join(", ")}</p>
              <VenueDrawing
                label={t.drawingLabel(venue.name)}
                sections={venue.sections.map((section) => ({ ...section, seats: section.totalSeats }))}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
