import type { PerformanceSummary } from "@/lib/catalog/schemas";
import { formatHourMinute, formatShortDate } from "@/lib/i18n/format";
import { catalog as t } from "@/lib/i18n/ko/catalog";
import styles from "./performance-list.module.css";

function availability(performance: PerformanceSummary) {
  if (performance.isSoldOut) return { label: t.concert.soldOut, className: "badge badge--danger" };
  if (!performance.isOnSale) return { label: t.concert.closed, className: "badge" };
  return { label: t.concert.available, className: "badge badge--success" };
}

/** The dates of a concert; sold-out and closed ones are marked (and dimmed). */
export function PerformanceList({ performances }: { performances: PerformanceSummary[] }) {
  return (
    <ul className={`list-plain ${styles.list}`} aria-label={t.concert.performancesCaption}>
      {performances.map((performance) => {
        const state = availability(performance);
        const isAvailable = performance.isOnSale && !performance.isSoldOut;
        return (
          <li key={performance.id} className={`${styles.item} ${isAvailable ? "" : styles.unavailable}`}>
            <time dateTime={performance.startsAt} className={styles.when}>
              <span className={styles.date}>{formatShortDate(performance.startsAt)}</span>
              <span className={`${styles.time} tabular`}>{formatHourMinute(performance.startsAt)}</span>
            </time>
            <span className={state.className}>{state.label}</span>
          </li>
        );
      })}
    </ul>
  );
}
