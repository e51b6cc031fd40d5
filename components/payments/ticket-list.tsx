"use client";

import Link from "next/link";
import { CancelTicketButton } from "@/components/payments/cancel-ticket-button";
import { ActionForm, FormError } from "@/components/forms/action-form";
import { refusedTicketOf } from "@/components/payments/refused-ticket";
import type { FormAction } from "@/lib/actions/server-action";
import { formatShortDateTime, formatWon } from "@/lib/i18n/format";
import { payments } from "@/lib/i18n/ko/payments";
import type { ConcertTickets } from "@/lib/payments/group-tickets";
import styles from "./payments.module.css";

const t = payments.tickets;

/**
 * The fan's tickets: one card per concert, one block per date; each cancellable while its date's
 * booking is open. The list is one form posted to the cancel server action (a ticket's confirm
 * button names it), so its answer stays on the page after the ticket has left the list, and it
 * works before the JavaScript has loaded. A refusal is said once, beside the ticket it concerns
 * (above the list when that ticket has left it), and takes the focus.
 */
export function TicketList({ concerts, cancelAction, idempotencyKey }: {
  concerts: ConcertTickets[];
  cancelAction: FormAction<unknown>;
  idempotencyKey: string;
}) {
  return (
    <ActionForm action={cancelAction} idempotencyKey={idempotencyKey} className="stack-lg" label={t.title} hasFormErrorInChildren>
      {(state) => {
        const refusedTicketId = refusedTicketOf(state, concerts);
        return (
          <>
            {state.status === "done" && (
              <p className={styles.cancelNotice}><Link href="/wallet">{t.cancel.walletLink}</Link></p>
            )}
            {refusedTicketId === null && <FormError />}
            <Tickets concerts={concerts} refusedTicketId={refusedTicketId} />
          </>
        );
      }}
    </ActionForm>
  );
}

function Tickets({ concerts, refusedTicketId }: { concerts: ConcertTickets[]; refusedTicketId: string | null }) {
  return (
    <>
      {concerts.length === 0 ? (
        <section className="card stack empty-state" aria-labelledby="tickets-empty-title">
          <h2 id="tickets-empty-title">{t.empty.title}</h2>
          <p className="muted">{t.empty.body}</p>
          <Link href="/" className="btn btn--primary btn--large">{t.empty.action}</Link>
        </section>
      ) : (
        <ul className="list-plain stack-lg">
          {concerts.map((concert) => (
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
                                />
                              ) : (
                                !performance.isPast && <span className="muted small" title={t.cancel.closedHint}>{t.cancel.closed}</span>
                              )}
                              {ticket.reservationId === refusedTicketId && <FormError className={styles.ticketRefusal} />}
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
