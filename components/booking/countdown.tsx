"use client";

import { secondsUntil, useNow } from "@/components/booking/use-now";
import { formatCountdown } from "@/lib/i18n/format";

/** m:ss until `until`, ticking every second. A timer role keeps screen readers from reading every tick. */
export function Countdown({ until, label, className }: { until: string; label: string; className?: string }) {
  const now = useNow();
  const text = now === null ? "–:––" : formatCountdown(secondsUntil(until, now));
  return (
    <span role="timer" aria-label={`${label} ${text}`} className={`tabular ${className ?? ""}`}>
      {text}
    </span>
  );
}
