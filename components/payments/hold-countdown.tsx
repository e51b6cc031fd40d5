"use client";

import { formatCountdown } from "@/lib/i18n/format";
import { payments as t } from "@/lib/i18n/ko/payments";
import styles from "./payments.module.css";

const LAST_MINUTE_SECONDS = 60;

/** Time left on the holds; the last minute is announced once to screen readers. */
export function HoldCountdown({ secondsLeft }: { secondsLeft: number | null }) {
  const isLastMinute = secondsLeft !== null && secondsLeft <= LAST_MINUTE_SECONDS;
  return (
    <div className={`${styles.countdown} ${isLastMinute ? styles.countdownUrgent : ""}`}>
      <div>
        <p className={styles.countdownLabel}>{t.checkout.timeLeft}</p>
        <p className="muted small">{t.checkout.timeLeftHint}</p>
      </div>
      <p className={`tabular ${styles.countdownValue}`} role="timer" aria-label={t.checkout.timeLeft}>
        {secondsLeft === null ? "–:––" : formatCountdown(secondsLeft)}
      </p>
      <p className={styles.countdownAlert} aria-live="polite">
        {isLastMinute ? t.checkout.lastMinute : ""}
      </p>
    </div>
  );
}
