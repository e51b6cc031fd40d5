import type { Metadata } from "next";
import { addPerformanceAction, updateConcertAction, updatePerformanceAction } from "@/app/admin/concerts/actions";
import { requireConsoleConcert } from "@/app/admin/concerts/[concertId]/concert-page";
import { ConcertTabs } from "@/components/admin/concert-tabs";
import { ConcertForm } from "@/components/admin/concerts/concert-form";
import styles from "@/components/admin/concerts/concerts.module.css";
import { AddDateForm, EditDateForm } from "@/components/admin/concerts/date-forms";
import { ConsoleHeader } from "@/components/admin/console-frame";
import { admin } from "@/lib/i18n/ko/admin";
import { formatDateTime } from "@/lib/i18n/format";

const t = admin.concerts;

export const metadata: Metadata = { title: t.editTitle };

type Props = { params: Promise<{ concertId: string }>; searchParams: Promise<{ created?: string }> };

export default async function AdminConcertPage({ params, searchParams }: Props) {
  const [{ concertId }, { created }] = await Promise.all([params, searchParams]);
  const concert = await requireConsoleConcert(concertId);
  return (
    <>
      <ConsoleHeader title={concert.title} lead={`${concert.artist} · ${concert.venueName}`} />
      <ConcertTabs concertId={concert.id} />
      {created && <p className="alert alert--success" role="status">{t.created}</p>}
      <div className={styles.columns}>
        <section className="card stack" aria-labelledby="concert-details">
          <h2 id="concert-details">{t.editTitle}</h2>
          <ConcertForm action={updateConcertAction} concert={concert} />
        </section>
        <div className="stack-lg">
          <section className="card stack" aria-labelledby="concert-dates">
            <h2 id="concert-dates">{t.datesTitle}</h2>
            {concert.performances.length === 0 ? (
              <p className="muted">{t.datesEmpty}</p>
            ) : (
              <ul className={styles.dates}>
                {concert.performances.map((performance) => (
                  <li key={performance.id}>
                    <details className={styles.date}>
                      <summary>
                        <strong>{formatDateTime(performance.startsAt)}</strong>
                        <span className="muted small">
                          {t.dateColumns.booking} {formatDateTime(performance.bookingOpensAt)} – {formatDateTime(performance.bookingClosesAt)}
                        </span>
                        <span className="badge">{t.soldOf(performance.soldSeats, performance.totalSeats)}</span>
                      </summary>
                      <EditDateForm action={updatePerformanceAction} performance={performance} />
                    </details>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card stack" aria-labelledby="concert-add-date">
            <h2 id="concert-add-date">{t.addDateTitle}</h2>
            <p className="muted small">{t.addDateLead}</p>
            <AddDateForm action={addPerformanceAction} concertId={concert.id} />
          </section>
        </div>
      </div>
    </>
  );
}
