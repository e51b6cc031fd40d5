"use client";

import Link from "next/link";
import { Countdown } from "@/components/booking/countdown";
import type { MyReservation } from "@/components/booking/booking-queries";
import type { Ref } from "react";
import { gradeClass } from "@/components/booking/seat-grid";
import { formatShortDateTime, formatWon } from "@/lib/i18n/format";
import { booking as t } from "@/lib/i18n/ko/booking";
import styles from "./holds-panel.module.css";

type Props = {
  /** Focus lands here after a hold succeeds. */
  ref?: Ref<HTMLElement>;
  concertId: string;
  /** The fan's live holds for this concert, soonest to end first. */
  holds: MyReservation[];
  isLoading: boolean;
  /** Under a minute left on the soonest hold. */
  isLastMinute: boolean;
  holdSeconds: number;
  releasingId: string | null;
  onRelease: (hold: MyReservation) => void;
};

/** The fan's current holds with their countdown, a release button each, and the way to checkout. */
export function HoldsPanel({ ref, concertId, holds, isLoading, isLastMinute, holdSeconds, releasingId, onRelease }: Props) {
  const soonest = holds[0];
  const total = holds.reduce((sum, hold) => sum + hold.price, 0);
  return (
    <section ref={ref} tabIndex={-1} className={`card stack ${styles.panel}`} aria-labelledby="holds-title" data-last-minute={isLastMinute || undefined}>
      <div className="row row--between">
        <h2 id="holds-title" className={styles.title}>{t.holds.title}</h2>
        {soonest && (
          <span className={styles.timer}>
            <span className="small muted" aria-hidden="true">{t.holds.timeLeft}</span>
            <Countdown until={soonest.expiresAt} label={t.holds.timeLeft} className={styles.timerValue} />
          </span>
        )}
      </div>
      {isLastMinute && <p role="alert" className="alert alert--warning small">{t.holds.lastMinute}</p>}
      {isLoading ? (
        <div className="skeleton" style={{ height: "3.5rem" }} aria-label={t.holds.loading} role="status" />
      ) : holds.length === 0 ? (
        <p className="muted small">{t.holds.empty}</p>
      ) : (
        <>
          <ul className={`list-plain ${styles.list}`}>
            {holds.map((hold) => {
              const seat = hold.label;
              return (
                <li key={hold.id} className={styles.item}>
                  <span className={`grade-dot ${gradeClass(hold.grade)}`} aria-hidden="true" />
                  <span className={styles.itemText}>
                    <strong>{seat}</strong>
                    <span className="small muted">{formatShortDateTime(hold.startsAt)} · {formatWon(hold.price)}</span>
                  </span>
                  <Countdown until={hold.expiresAt} label={`${seat} ${t.holds.timeLeft}`} className={`small ${styles.itemTimer}`} />
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    aria-label={t.holds.releaseLabel(seat)}
                    disabled={releasingId !== null}
                    onClick={() => onRelease(hold)}
                  >
                    {releasingId === hold.id ? t.holds.releasing : t.holds.release}
                  </button>
                </li>
              );
            })}
          </ul>
          <Link href={`/concerts/${concertId}/checkout`} className="btn btn--accent btn--large btn--block">
            {t.holds.checkout} · {t.holds.checkoutSummary(holds.length, formatWon(total))}
          </Link>
        </>
      )}
      <p className="small muted">{t.holds.note(holdSeconds)}</p>
    </section>
  );
}
