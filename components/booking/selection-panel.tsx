"use client";

import type { Seat } from "@/components/booking/booking-queries";
import { HoldButton } from "@/components/booking/hold-button";
import { gradeClass } from "@/components/booking/seat-grid";
import { formatWon } from "@/lib/i18n/format";
import { booking as t } from "@/lib/i18n/ko/booking";
import styles from "./selection-panel.module.css";

type Props = {
  selected: Seat[];
  /** How many more seats the fan may still pick on this date (across sections). */
  remaining: number;
  /** Live holds allowed per fan and date. */
  limit: number;
  isHolding: boolean;
  canHold: boolean;
  onHold: () => void;
  onClear: () => void;
};

/** What the fan has picked, the total, and (on wide screens) the button that holds it. */
export function SelectionPanel({ selected, remaining, limit, isHolding, canHold, onHold, onClear }: Props) {
  const total = selected.reduce((sum, seat) => sum + seat.price, 0);
  return (
    <section className="card stack" aria-labelledby="selection-title">
      <div className="row row--between">
        <h2 id="selection-title" className={styles.title}>{t.selection.title}</h2>
        {selected.length > 0 && (
          <button type="button" className="btn btn--ghost btn--small" onClick={onClear} disabled={isHolding}>
            {t.selection.clear}
          </button>
        )}
      </div>
      {selected.length === 0 ? (
        <p className="muted small">{t.selection.none}</p>
      ) : (
        <ul className={`list-plain ${styles.list}`} aria-label={t.selection.count(selected.length)}>
          {selected.map((seat) => (
            <li key={seat.id} className={styles.item}>
              <span className={`grade-dot ${gradeClass(seat.grade)}`} aria-hidden="true" />
              <span>{seat.label}</span>
              <span className="tabular muted">{formatWon(seat.price)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className={`row row--between ${styles.total}`}>
        <span>{t.selection.total}</span>
        <strong className="tabular">{formatWon(total)}</strong>
      </div>
      <HoldButton isHolding={isHolding} isDisabled={!canHold || selected.length === 0} onHold={onHold} className={`btn--block ${styles.holdButton}`} />
      <p className="small muted">{remaining > 0 ? t.selection.remaining(remaining) : t.selection.limit(limit)}</p>
    </section>
  );
}
