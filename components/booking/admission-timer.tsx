"use client";

import Link from "next/link";
import { Countdown } from "@/components/booking/countdown";
import { booking as t } from "@/lib/i18n/ko/booking";
import styles from "./admission-timer.module.css";

type Props = { concertId: string; admittedUntil: string; secondsLeft: number | null; isOver: boolean };

/** Warn this long before the admission window closes. */
export const ADMISSION_WARNING_SECONDS = 120;

/** How long the fan may still shop; a warning near the end and the way back to the line after it. */
export function AdmissionTimer({ concertId, admittedUntil, secondsLeft, isOver }: Props) {
  if (isOver) {
    return (
      <div role="alert" className={`alert alert--error ${styles.bar}`}>
        <span>{t.admission.ended}</span>
        <Link href={`/concerts/${concertId}/queue`} className="btn btn--primary btn--small">{t.admission.rejoin}</Link>
      </div>
    );
  }
  const isEndingSoon = secondsLeft !== null && secondsLeft <= ADMISSION_WARNING_SECONDS;
  return (
    <div className={`alert ${isEndingSoon ? "alert--warning" : "alert--info"} ${styles.bar}`}>
      <span className={styles.clock}>
        <span className={styles.label}>{t.admission.label}</span>
        <Countdown until={admittedUntil} label={t.admission.label} className={styles.value} />
      </span>
      {isEndingSoon ? (
        <strong role="alert" className="small">{t.admission.endingSoon}</strong>
      ) : (
        <span className="small">{t.admission.hint}</span>
      )}
    </div>
  );
}
