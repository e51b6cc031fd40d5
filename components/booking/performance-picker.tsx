import type { Performance } from "@/components/booking/booking-queries";
import { formatHourMinute, formatShortDate } from "@/lib/i18n/format";
import { booking as t } from "@/lib/i18n/ko/booking";
import styles from "./performance-picker.module.css";

type Props = {
  performances: Performance[];
  selectedId: string | null;
  onSelect: (performanceId: string) => void;
};

export function isBookable(performance: Performance): boolean {
  return performance.isBookingOpen && !performance.isSoldOut;
}

/** The dates as a radio group: seats left on each; sold-out and not-yet-open dates are shown but cannot be chosen. */
export function PerformancePicker({ performances, selectedId, onSelect }: Props) {
  return (
    <fieldset className={styles.picker}>
      <legend className="visually-hidden">{t.dates.legend}</legend>
      {performances.map((performance) => {
        const isDisabled = !isBookable(performance);
        const badge = performance.isSoldOut
          ? { text: t.dates.soldOut, className: "badge badge--danger" }
          : !performance.isBookingOpen
            ? { text: t.dates.notOpenYet, className: "badge" }
            : { text: t.dates.seatsLeft(performance.availableSeats, performance.totalSeats), className: "badge badge--success" };
        return (
          <label key={performance.id} className={styles.option} data-disabled={isDisabled || undefined}>
            <input
              type="radio"
              name="performance"
              value={performance.id}
              className={styles.radio}
              checked={performance.id === selectedId}
              disabled={isDisabled}
              onChange={() => onSelect(performance.id)}
            />
            <span className={styles.when}>
              <time dateTime={performance.startsAt} className={styles.date}>{formatShortDate(performance.startsAt)}</time>
              <span className={`${styles.time} tabular`}>{formatHourMinute(performance.startsAt)}</span>
            </span>
            <span className={badge.className}>{badge.text}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
