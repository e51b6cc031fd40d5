"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Countdown } from "@/components/booking/countdown";
import type { QueueStatus } from "@/lib/queue/schemas";
import { queue as t } from "@/lib/i18n/ko/queue";
import styles from "./queue-room.module.css";

/** Long enough to read "it's your turn", short enough not to waste the turn. */
export const REDIRECT_TO_BOOKING_MS = 2_500;

/** The fan's turn: how long it lasts, and on to the date-and-seat page by itself. */
export function QueueAdmittedPanel({ concertId, status }: { concertId: string; status: QueueStatus }) {
  const router = useRouter();
  const bookPath = `/concerts/${concertId}/book`;

  useEffect(() => {
    router.prefetch(bookPath);
    const timer = setTimeout(() => router.push(bookPath), REDIRECT_TO_BOOKING_MS);
    return () => clearTimeout(timer);
  }, [router, bookPath]);

  return (
    <div className={styles.panelBody}>
      <div className={styles.panelHead}>
        <h2 id="queue-state-title" className={styles.stateTitle}>{t.admitted.title}</h2>
        <span className="badge badge--success">{t.admitted.lead}</span>
      </div>
      <div className={`${styles.hero} ${styles.heroSuccess}`}>
        <p className={styles.heroLabel}>{t.admitted.timeLeftLabel}</p>
        <p className={styles.heroValue}>
          {status.admittedUntil && <Countdown until={status.admittedUntil} label={t.admitted.timeLeftLabel} className={styles.heroNumber} />}
        </p>
        <p className={styles.ahead}>
          <span className="spinner" aria-hidden="true" /> {t.admitted.redirecting}
        </p>
      </div>
      <Link href={bookPath} className="btn btn--accent btn--large btn--block">{t.admitted.go}</Link>
    </div>
  );
}
