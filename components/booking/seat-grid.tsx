"use client";

import { useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import type { Seat } from "@/components/booking/booking-queries";
import { gridRows, hasAisleBefore, nextGridPosition, type GridPosition, type SectionShape } from "@/lib/booking/seat-layout";
import { formatWon } from "@/lib/i18n/format";
import { booking as t } from "@/lib/i18n/ko/booking";
import styles from "./seat-grid.module.css";

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
  /** The sections drawn, front to back (one, or all of a small hall). */
  sections: SectionShape[];
  /** Null while loading: the rows are drawn as placeholders of their final size, so nothing moves when the seats arrive. */
  seats: Seat[] | null;
  selectedSeatIds: readonly string[];
  caption: string;
  /** One of ZOOM_STEPS (components/booking/zoom-controls.tsx): 1 fits the widest row to the screen. */
  zoom?: number;
  onToggle: (seat: Seat) => void;
};

/**
 * The seats of one or more sections in rows facing the stage, each row
 * labelled, with the section's aisles as gaps. Seats are buttons (aria-pressed
 * when chosen) named by their label; the grid is one tab stop and the arrow
 * keys move between seats (up and down to the nearest seat of the next row).
 * Taken seats stay focusable so their state can be read out, but do nothing.
 */
export function SeatGrid({ sections, seats, selectedSeatIds, caption, zoom = 1, onToggle }: Props) {
  const rows = useMemo(() => gridRows(sections, seats ?? []), [sections, seats]);
  const [active, setActive] = useState<GridPosition | null>(null);
  const rowsRef = useRef<HTMLDivElement>(null);
  if (seats === null) return <SeatGridPlaceholder sections={sections} caption={caption} zoom={zoom} />;
  const widestRow = Math.max(1, ...rows.map((row) => Math.ceil((row.xs.at(-1) ?? 0) + 1)));
  const tabStop = active && rows[active.row]?.seats[active.seat] ? active : firstAvailable(rows);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!active) return;
    const target = nextGridPosition(rows, active, event.key);
    if (!target) return;
    event.preventDefault();
    setActive(target);
    const seat = rows[target.row]!.seats[target.seat]!;
    rowsRef.current?.querySelector<HTMLButtonElement>(`[data-seat-id="${seat.id}"]`)?.focus();
  }

  const bySection = sections
    .map((section) => ({ section, rows: rows.map((row, index) => ({ row, index })).filter(({ row }) => row.sectionId === section.id) }))
    .filter(({ rows: sectionRows }) => sectionRows.length > 0);

  return (
    <div className={styles.frame}>
      <div className={styles.stage} aria-hidden="true">{t.map.stage}</div>
      <p className="visually-hidden">{t.map.keyboardHint}</p>
      <div className={styles.scroller}>
        <div
          ref={rowsRef}
          role="group"
          aria-label={caption}
          className={styles.rows}
          style={{ "--columns": widestRow, "--zoom": zoom } as CSSProperties}
          onKeyDown={onKeyDown}
        >
          {bySection.map(({ section, rows: sectionRows }) => (
            <div key={section.id} role="group" aria-label={t.map.section(section.name)} className={styles.section}>
              {sectionRows.map(({ row, index: rowIndex }) => (
                <div key={row.key} role="group" aria-label={t.map.row(row.label)} className={styles.row}>
                  <span className={styles.rowLabel} aria-hidden="true">{row.label}</span>
                  <span className={styles.rowSeats}>
                    {row.seats.map((seat, seatIndex) => {
                      const state = seatVisualState(seat, selectedSeatIds.includes(seat.id));
                      const isActionable = state === "available" || state === "selected";
                      const isTabStop = tabStop?.row === rowIndex && tabStop.seat === seatIndex;
                      return (
                        <button
                          key={seat.id}
                          type="button"
                          data-seat-id={seat.id}
                          data-state={state}
                          data-aisle-before={hasAisleBefore(seatIndex + 1, section.aislesAfter) || undefined}
                          className={`${styles.seat} ${gradeClass(seat.grade)}`}
                          aria-pressed={state === "selected"}
                          aria-disabled={isActionable ? undefined : true}
                          aria-label={t.seat.label(seat.label, formatWon(seat.price), t.seat.state[state])}
                          tabIndex={isTabStop ? 0 : -1}
                          onFocus={() => setActive({ row: rowIndex, seat: seatIndex })}
                          onClick={() => isActionable && onToggle(seat)}
                        >
                          {seatIndex + 1}
                        </button>
                      );
                    })}
                  </span>
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/** The grid's rows as grey bars of the seats' size, while the seats load. */
function SeatGridPlaceholder({ sections, caption, zoom }: { sections: SectionShape[]; caption: string; zoom: number }) {
  const widestRow = Math.max(1, ...sections.flatMap((section) => section.rowLengths));
  return (
    <div className={styles.frame} role="status" aria-label={caption}>
      <div className={styles.stage} aria-hidden="true">{t.map.stage}</div>
      <div className={styles.scroller}>
        <div className={styles.rows} style={{ "--columns": widestRow, "--zoom": zoom } as CSSProperties}>
          {sections.flatMap((section) =>
            section.rowLabels.map((label, index) => (
              <div key={`${section.id}-${label}`} className={styles.row}>
                <span className={styles.rowLabel} aria-hidden="true">{label}</span>
                <span className={styles.rowSeats}>
                  <span className={`skeleton ${styles.rowPlaceholder}`} style={{ "--row-seats": section.rowLengths[index] } as CSSProperties} />
                </span>
              </div>
            )),
          )}
        </div>
      </div>
    </div>
  );
}

function firstAvailable(rows: ReturnType<typeof gridRows<Seat>>): GridPosition | null {
  for (const [rowIndex, row] of rows.entries()) {
    const seat = row.seats.findIndex((candidate) => candidate.status === "AVAILABLE");
    if (seat >= 0) return { row: rowIndex, seat };
  }
  return rows.length > 0 ? { row: 0, seat: 0 } : null;
}
