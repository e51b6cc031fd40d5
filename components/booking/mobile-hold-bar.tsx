"use client";

import type { Seat } from "@/components/booking/booking-queries";
import { HoldButton } from "@/components/booking/hold-button";
import { formatWon } from "@/lib/i18n/format";
import { booking as t } from "@/lib/i18n/ko/booking";
import styles from "./mobile-hold-bar.module.css";

/** On narrow screens: the selection's size and total with the hold button, kept in view under the seat map. */
export function MobileHoldBar({ selected, isHolding, canHold, onHold }: { selected: Seat[]; isHolding: boolean; canHold: boolean; onHold: () => void }) {
  if (selected.length === 0) return null;
  const total = selected.reduce((sum, seat) => sum + seat.price, 0);
  return (
    <div className={styles.bar}>
      <span className={styles.summary}>
        <strong>{t.selection.count(selected.length)}</strong>
        <span className="tabular">{formatWon(total)}</span>
      </span>
      <HoldButton isHolding={isHolding} isDisabled={!canHold} onHold={onHold} />
    </div>
  );
}
