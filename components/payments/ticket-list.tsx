import { formatShortDateTime, formatWon } from "@/lib/i18n/format";
import { payments } from "@/lib/i18n/ko/payments";
import type { ConcertTickets } from "@/lib/payments/group-tickets";
import styles from "./payments.module.css";

const t = payments.tickets;

/** The fan's tickets: one card per concert, one block per date. */
export function TicketList({ concerts }: { concerts: ConcertTickets[] }) {
  return (
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
                    {performance.tickets.map((ticket) => (
                      <li key={ticket.reservationId} className={`${styles.ticket} grade--${ticket.grade}`}>
                        <span className={styles.ticketSeat}>{payments.seatName(ticket.grade, ticket.seatNumber)}</span>
                        <span className="tabular">{formatWon(ticket.price)}</span>
                        <span className="muted small">
                          {t.columns.paidAt} {formatShortDateTime(ticket.paidAt)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </article>
        </li>
      ))}
    </ul>
  );
}
