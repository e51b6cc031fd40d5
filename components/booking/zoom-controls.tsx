"use client";

import { booking as t } from "@/lib/i18n/ko/booking";
import styles from "./zoom-controls.module.css";

/** Zoom levels the fan can step through: 1 fits the drawing or the widest row of seats to the screen. */
export const ZOOM_STEPS = [1, 1.5, 2, 3] as const;

type Props = {
  /** One of ZOOM_STEPS. */
  zoom: number;
  onZoom: (zoom: number) => void;
  /** What is zoomed, as the group and its buttons are named ("좌석", "배치도"). */
  subject: string;
};

/**
 * Zoom out, the level, zoom in: two buttons any pointer, finger or keyboard
 * can use, and the level read out when it changes. A button at its end of
 * the range says so (aria-disabled) rather than being disabled, so the
 * keyboard's focus stays on it instead of falling to the page.
 */
export function ZoomControls({ zoom, onZoom, subject }: Props) {
  const index = Math.max(0, ZOOM_STEPS.indexOf(zoom as (typeof ZOOM_STEPS)[number]));
  const step = (by: number) => {
    const next = ZOOM_STEPS[index + by];
    if (next !== undefined) onZoom(next);
  };
  return (
    <div className={styles.zoom} role="group" aria-label={t.zoom.group(subject)}>
      <button type="button" className="btn btn--small" aria-label={t.zoom.out(subject)} aria-disabled={index === 0} onClick={() => step(-1)}>−</button>
      <output className="small tabular" aria-live="polite">
        <span className="visually-hidden">{t.zoom.level(subject)} </span>
        {Math.round(zoom * 100)}%
      </output>
      <button type="button" className="btn btn--small" aria-label={t.zoom.in(subject)} aria-disabled={index === ZOOM_STEPS.length - 1} onClick={() => step(1)}>+</button>
    </div>
  );
}
