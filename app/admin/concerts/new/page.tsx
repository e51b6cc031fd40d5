import type { Metadata } from "next";
import Link from "next/link";
import { createConcertAction } from "@/app/admin/concerts/actions";
import { ConcertForm } from "@/components/admin/concerts/concert-form";
import { ConsoleHeader } from "@/components/admin/console-frame";
import { db } from "@/lib/db";
import { requirePageOperator } from "@/lib/http/page-session";
import { admin } from "@/lib/i18n/ko/admin";
import { readVenues } from "@/lib/venues/read-venues";

const t = admin.concerts;

export const metadata: Metadata = { title: t.newTitle };

export default async function NewConcertPage() {
  await requirePageOperator("/admin/concerts/new");
  const venues = await readVenues(db());
  return (
    <>
      <ConsoleHeader title={t.newTitle} lead={t.newLead} />
      {venues.length === 0 ? (
        <div className="card stack">
          <p className="muted">{t.noVenues}</p>
          <div><Link href="/admin/venues/new" className="btn btn--primary">{admin.venues.create}</Link></div>
        </div>
      ) : (
        <div className="card">
          <ConcertForm
            action={createConcertAction}
            venues={venues.map((venue) => ({ id: venue.id, name: venue.name, grades: venue.grades, totalSeats: venue.totalSeats }))}
          />
        </div>
      )}
    </>
  );
}
