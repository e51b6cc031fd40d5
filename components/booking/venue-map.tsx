"use client";

import type { CSSProperties, KeyboardEvent } from "react";
import type { VenueSection } from "@/components/booking/booking-queries";
import { availabilityOf } from "@/lib/booking/seat-layout";
import { booking as t } from "@/lib/i18n/ko/booking";
import { ARENA_STAGE as STAGE } from "@/lib/venues/arena-layout";
import styles from "./venue-map.module.css";

type Props = {
  sections: VenueSection[];
  caption: string;
  /** Seats the fan has picked or holds, by section id (the drawing marks those sections). */
  chosenBySection: ReadonlyMap<string, number>;
  /** 1 fits the screen (up to 640 px); more makes it that much wider, in a frame that scrolls (ZOOM_STEPS). */
  zoom?: number;
  onChoose: (section: VenueSection) => void;
};

/** Keeps a section's name inside its box: at most 28 units tall, and narrow enough for its width. */
function fontSize(section: VenueSection): number {
  return Math.max(9, Math.min(28, section.height * 0.3, section.width / Math.max(3, section.name.length * 0.95)));
}

/**
 * The venue drawn as its sections (1000 × 1000 view box, the stage where the
 * venue layouts leave it, at the top), each coloured by the share of its seats still free. A section is a
 * button: Tab reaches each, Enter or Space opens its seats, and its name,
 * grade and seats left are read out. The drawing scales to the screen's width
 * times the zoom.
 */
export function VenueMap({ sections, caption, chosenBySection, zoom = 1, onChoose }: Props) {
  function onKeyDown(event: KeyboardEvent<SVGGElement>, section: VenueSection) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    onChoose(section);
  }

  return (
    <svg className={styles.venue} style={{ "--zoom": zoom } as CSSProperties} viewBox="0 0 1000 1000" role="group" aria-label={caption}>
      <g aria-hidden="true">
        <rect className={styles.stage} x={STAGE.x} y={STAGE.y} width={STAGE.width} height={STAGE.height} rx={STAGE.height / 2} />
        <text className={styles.stageText} x={STAGE.x + STAGE.width / 2} y={STAGE.y + STAGE.height / 2} dominantBaseline="central" textAnchor="middle">
          {t.map.stage}
        </text>
      </g>
      {sections.map((section) => {
        const chosen = chosenBySection.get(section.id) ?? 0;
        const centreX = section.x + section.width / 2;
        const centreY = section.y + section.height / 2;
        const size = fontSize(section);
        return (
          <g
            key={section.id}
            data-section-id={section.id}
            role="button"
            tabIndex={0}
            className={styles.section}
            data-availability={availabilityOf(section.availableSeats, section.totalSeats)}
            data-chosen={chosen > 0 || undefined}
            aria-label={t.venue.section(section.name, section.grade, section.availableSeats) + (chosen > 0 ? t.venue.selectedHere(chosen) : "")}
            onClick={() => onChoose(section)}
            onKeyDown={(event) => onKeyDown(event, section)}
          >
            <rect
              className={styles.box}
              x={section.x}
              y={section.y}
              width={section.width}
              height={section.height}
              rx={8}
              transform={section.rotation ? `rotate(${section.rotation} ${centreX} ${centreY})` : undefined}
            />
            <text className={styles.name} x={centreX} y={centreY - size * 0.45} fontSize={size} textAnchor="middle" dominantBaseline="central" aria-hidden="true">
              {section.name}
            </text>
            <text className={styles.count} x={centreX} y={centreY + size * 0.6} fontSize={size * 0.8} textAnchor="middle" dominantBaseline="central" aria-hidden="true">
              {t.venue.seatsLeft(section.availableSeats)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
