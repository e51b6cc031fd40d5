"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CancelTicketButton } from "@/components/payments/cancel-ticket-button";
import { formatShortDateTime, formatWon } from "@/lib/i18n/format";
import { payments } from "@/lib/i18n/ko/payments";
import type { ConcertTickets } from "@/lib/payments/group-tickets";
import type { CancelTicketResponse } from "@/lib/refunds/schemas";
import styles from "./payments.module.css";

const t = payments.tickets;

/** The fan's tickets: one card per concert, one block per date; each cancellable while its date's booking is open. */
export function TicketList({ concerts }: { concerts: ConcertTickets[] }) {
  const router = useRouter();
  const [cancelledIds, setCancelledIds] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);

  function onCancelled(result: CancelTicketResponse, seat: string) {
    setCancelledIds((ids) => new Set(ids).add(result.reservation.id));
    setNotice(t.cancel.done(seat, result.refund.amount, result.balance));
    router.refresh();
  }

  // A cancelled ticket leaves the list at once; the page's fresh data follows.
  const visible = concerts
    .map((concert) => ({
      ...concert,
      performances: concert.performances
        .map((performance) => ({ ...performance, tickets: performance.tickets.filter((ticket) => !cancelledIds.has(ticket.reservationId)) }))
        .filter((performance) => performance.tickets.length > 0),
    }))
    .filter((concert) => concert.performances.length > 0);

  return (
    <>
      <div role="status" aria-live="polite" className={notice ? styles.cancelNotice : undefined}>
        {notice && (
          <p className="alert alert--success">
            {notice} <Link href="/wallet">{t.cancel.walletLink}</Link>
          </p>
        )}
      </div>
      {visible.length === 0 ? (
        <section className="card stack empty-state" aria-labelledby="tickets-empty-title">
          <h2 id="tickets-empty-title">{t.empty.title}</h2>
          <p className="muted">{t.empty.body}</p>
          <Link href="/" className="btn btn--primary btn--large">{t.empty.action}</Link>
        </section>
      ) : (
        <ul className="list-plain stack-lg">
          {visible.map((concert) => (
            <li key={concert.concertId}>
              <article className={`card stack ${styles.concertTickets}`} aria-labelledby={`concert-${concert.concertId}`}>
                <div className={styles.concertHead}>
                  <div>
                    <h2 id={`concert-${concert.concertId}`}>{concert.title}</h2>
                    <p className="muted">{concert.artist} · {concert.venue}</p>
                  </div>
                  <span className="badge badge--success">{t.paid}</span>
                </div>
                {concert.performances.map((performance) => {
                  const date = formatShortDateTime(performance.startsAt);
                  return (
                    <section key={performance.performanceId} className={styles.performance} aria-label={t.seatsCaption(date)}>
                      <div className={styles.performanceHead}>
                        <h3><time dateTime={performance.startsAt}>{date}</time></h3>
                        {performance.isPast && <span className="badge">{t.past}</span>}
                        <span className="muted small">{t.count(performance.tickets.length)}</span>
                      </div>
                      <ul className={`list-plain ${styles.tickets}`}>
                        {performance.tickets.map((ticket) => {
                          const seat = ticket.label;
                          return (
                            <li key={ticket.reservationId} className={`${styles.ticket} grade--${ticket.grade}`}>
                              <span className={styles.ticketSeat}>{seat}</span>
                              <span className="tabular">{formatWon(ticket.price)}</span>
                              <span className="muted small">
                                {t.columns.paidAt} {formatShortDateTime(ticket.paidAt)}
                              </span>
                              {ticket.isCancellable ? (
                                <CancelTicketButton
                                  reservationId={ticket.reservationId}
                                  seat={seat}
                                  date={date}
                                  price={ticket.price}
                                  onCancelled={onCancelled}
                                  onStale={() => router.refresh()}
                                />
                              ) : (
                                !performance.isPast && <span className="muted small" title={t.cancel.closedHint}>{t.cancel.closed}</span>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    </section>
                  );
                })}
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
