"use client";

import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Seat } from "@/components/booking/booking-queries";
import { AISLE_AFTER, groupIntoRows, SEATS_PER_ROW, seatPlace } from "@/lib/booking/seat-layout";
import { formatWon } from "@/lib/i18n/format";
import { booking as t } from "@/lib/i18n/ko/booking";
import styles from "./seat-map.module.css";

export type SeatVisualState = "available" | "selected" | "mine" | "held" | "sold";

export function seatVisualState(seat: Seat, isSelected: boolean): SeatVisualState {
  if (seat.status === "SOLD") return "sold";
  if (seat.status === "HELD") return seat.heldByMe ? "mine" : "held";
  return isSelected ? "selected" : "available";
}

/** A CSS-safe grade class (grades are data, e.g. "VIP", "R", "S"). */
export function gradeClass(grade: string): string {
  return `grade--${grade.replace(/[^A-Za-z0-9_-]/g, "")}`;
}

type Props = {
  seats: Seat[];
  selectedSeatIds: string[];
  caption: string;
  onToggle: (seat: Seat) => void;
};

const NEXT_SEAT_OFFSET: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: SEATS_PER_ROW, ArrowUp: -SEATS_PER_ROW };

/**
 * The seats drawn in rows facing the stage. Seats are buttons (aria-pressed
 * when chosen); the map is one tab stop, and the arrow keys move between seats.
 * Taken seats stay focusable so their state can be read out, but do nothing.
 */
export function SeatMap({ seats, selectedSeatIds, caption, onToggle }: Props) {
  const rows = useMemo(() => groupIntoRows(seats), [seats]);
  const byNumber = useMemo(() => new Map(seats.map((seat) => [seat.number, seat])), [seats]);
  const [activeSeatId, setActiveSeatId] = useState<string | null>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  const tabStopId = seats.some((seat) => seat.id === activeSeatId) ? activeSeatId : (seats.find((seat) => seat.status === "AVAILABLE") ?? seats[0])?.id;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = seats.find((seat) => seat.id === activeSeatId);
    if (!current) return;
    let target: Seat | undefined;
    if (event.key in NEXT_SEAT_OFFSET) target = byNumber.get(current.number + NEXT_SEAT_OFFSET[event.key]!);
    if (event.key === "Home") target = byNumber.get(current.number - seatPlace(current.number).column + 1);
    if (event.key === "End") target = byNumber.get(current.number - seatPlace(current.number).column + SEATS_PER_ROW);
    if (!target) return;
    event.preventDefault();
    setActiveSeatId(target.id);
    rowsRef.current?.querySelector<HTMLButtonElement>(`[data-seat-id="${target.id}"]`)?.focus();
  }

  return (
    <div className={styles.frame}>
      <div className={styles.stage} aria-hidden="true">{t.map.stage}</div>
      <p className="visually-hidden">{t.map.keyboardHint}</p>
      <div className={styles.scroller}>
        <div ref={rowsRef} role="group" aria-label={caption} className={styles.rows} onKeyDown={onKeyDown}>
          {rows.map((row) => (
            <div key={row.label} role="group" aria-label={t.map.row(row.label)} className={styles.row}>
              <span className={styles.rowLabel} aria-hidden="true">{row.label}</span>
              {row.seats.map((seat) => {
                const state = seatVisualState(seat, selectedSeatIds.includes(seat.id));
                const isActionable = state === "available" || state === "selected";
                const name = t.seat.name(seat.grade, seat.number);
                const column = seatPlace(seat.number).column;
                return (
                  <button
                    key={seat.id}
                    type="button"
                    data-seat-id={seat.id}
                    data-state={state}
                    className={`${styles.seat} ${gradeClass(seat.grade)}`}
                    style={{ gridColumn: column + 1 + (column > AISLE_AFTER ? 1 : 0) }}
                    aria-pressed={state === "selected"}
                    aria-disabled={isActionable ? undefined : true}
                    aria-label={t.seat.label(name, formatWon(seat.price), t.seat.state[state])}
                    tabIndex={seat.id === tabStopId ? 0 : -1}
                    onFocus={() => setActiveSeatId(seat.id)}
                    onClick={() => isActionable && onToggle(seat)}
                  >
                    {seat.number}
                  </button>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
