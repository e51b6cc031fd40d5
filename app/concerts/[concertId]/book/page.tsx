import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { SectionsOverview } from "@/components/booking/booking-queries";
import { BookingScreen } from "@/components/booking/booking-screen";
import { isBookable } from "@/components/booking/performance-picker";
import { getSectionOverview } from "@/lib/booking/section-overview";
import { listPerformances } from "@/lib/booking/list-performances";
import { getConcert } from "@/lib/catalog/get-concert";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requirePageAdmission, requirePageUser } from "@/lib/http/page-session";
import { booking as t } from "@/lib/i18n/ko/booking";

type Props = { params: Promise<{ concertId: string }> };

export const metadata: Metadata = { title: t.metaTitle };

export default async function BookPage({ params }: Props) {
  const { concertId } = await params;
  const user = await requirePageUser(`/concerts/${concertId}/book`);
  const concert = await getConcert(db(), { concertId });
  if (!concert) notFound();

  const admission = await requirePageAdmission(user.id, concert.id);
  // Read here so the dates and the first date's sections are in the first
  // paint, and the seat map's space is kept before its seats arrive.
  const performances = (await listPerformances(db(), { concertId: concert.id })).map((performance) => ({
    ...performance,
    startsAt: performance.startsAt.toISOString(),
    bookingOpensAt: performance.bookingOpensAt.toISOString(),
    bookingClosesAt: performance.bookingClosesAt.toISOString(),
  }));
  const firstDate = performances.find(isBookable);
  const overview = firstDate ? await getSectionOverview(db(), firstDate.id) : null;
  const initialSections =
    firstDate && overview?.concertId === concert.id ? { performanceId: firstDate.id, etag: overview.json.etag, body: JSON.parse(overview.json.body) as SectionsOverview } : undefined;

  return (
    <div className="container stack-lg">
      <nav aria-label="breadcrumb">
        <Link href={`/concerts/${concert.id}`}>← {t.backToConcert}</Link>
      </nav>
      <header className="page-header">
        <h1>{concert.title}</h1>
        <p className="muted">{concert.artist} · {concert.venue}</p>
      </header>
      <BookingScreen
        concertId={concert.id}
        admittedUntil={admission.admittedUntil.toISOString()}
        holdSeconds={env().HOLD_TTL_SECONDS}
        maxHoldsPerPerformance={env().MAX_HOLDS_PER_PERFORMANCE}
        initialPerformances={performances}
        initialSections={initialSections}
      />
    </div>
  );
}
