import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BookingScreen } from "@/components/booking/booking-screen";
import { getConcert } from "@/lib/catalog/get-concert";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/lib/http/page-session";
import { booking as t } from "@/lib/i18n/ko/booking";
import { requireAdmission, type Admission } from "@/lib/queue/require-admission";
import { queueCookieName } from "@/lib/queue/token";

type Props = { params: Promise<{ concertId: string }> };

export const metadata: Metadata = { title: t.metaTitle };

/** The guard's refusals that mean "not your turn (any more)": the waiting room explains and lets the fan rejoin. */
const BACK_TO_QUEUE = ["INVALID_QUEUE_TOKEN", "NOT_ADMITTED", "QUEUE_TOKEN_EXPIRED"] as const;

export default async function BookPage({ params }: Props) {
  const { concertId } = await params;
  const user = await requirePageUser(`/concerts/${concertId}/book`);
  const concert = await getConcert(db(), { concertId });
  if (!concert) notFound();

  let admission: Admission;
  try {
    const token = (await cookies()).get(queueCookieName(concert.id))?.value;
    admission = await requireAdmission(db(), { token, userId: user.id, concertId: concert.id });
  } catch (error) {
    if (BACK_TO_QUEUE.some((code) => isAppError(error, code))) redirect(`/concerts/${concert.id}/queue`);
    throw error;
  }

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
      />
    </div>
  );
}
