"use client";

import { useEffect, useRef, useState } from "react";
import type { Seat, VenueSection } from "@/components/booking/booking-queries";
import { QueryProblem } from "@/components/booking/query-problem";
import { SeatGrid, ZOOM_STEPS } from "@/components/booking/seat-grid";
import { SeatLegend } from "@/components/booking/seat-legend";
import type { useSeatChooser } from "@/components/booking/use-seat-chooser";
import { VenueMap } from "@/components/booking/venue-map";
import { gradeSummaries } from "@/lib/booking/seat-layout";
import { booking as t } from "@/lib/i18n/ko/booking";
import styles from "./seat-chooser.module.css";

type Props = {
  concertId: string;
  chooser: ReturnType<typeof useSeatChooser>;
  /** The date, as the captions name it. */
  dateLabel: string;
  selectedSeatIds: readonly string[];
  /** Seats picked or held, by section, for the drawing to mark. */
  chosenBySection: ReadonlyMap<string, number>;
  onToggle: (seat: Seat) => void;
};

/**
 * The seats of one date: a small hall's grids all at once; an arena's drawing
 * of sections first, then the seat grid of the section the fan opens, with a
 * way back. Every loading state keeps the size of what replaces it.
 */
export function SeatChooser({ concertId, chooser, dateLabel, selectedSeatIds, chosenBySection, onToggle }: Props) {
  const { showsAllGrids, sectionsQuery, seatsQuery, openSection, openSectionById } = chooser;
  const [zoom, setZoom] = useState<number>(ZOOM_STEPS[0]);
  const sectionHeadingRef = useRef<HTMLHeadingElement>(null);
  const venueRef = useRef<HTMLDivElement>(null);
  // Where focus goes after the fan opens a section or goes back to the drawing.
  const pendingFocus = useRef<{ to: "section" } | { to: "venue"; sectionId: string } | null>(null);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (target.to === "section") sectionHeadingRef.current?.focus();
    else venueRef.current?.querySelector<SVGGElement>(`[data-section-id="${target.sectionId}"]`)?.focus();
  }, [openSection?.id]);

  function open(section: VenueSection) {
    pendingFocus.current = { to: "section" };
    openSectionById(section.id);
  }
  function back() {
    if (openSection) pendingFocus.current = { to: "venue", sectionId: openSection.id };
    openSectionById(null);
  }

  const problem = sectionsQuery.isError ? sectionsQuery : seatsQuery.isError ? seatsQuery : null;
  if (problem) return <QueryProblem concertId={concertId} error={problem.error} onRetry={() => problem.refetch()} />;
  const overview = sectionsQuery.data;
  if (!overview) {
    return <div className={`skeleton ${showsAllGrids ? styles.gridSkeleton : styles.venueSkeleton}`} role="status" aria-label={t.map.loading} />;
  }
  if (overview.sections.length === 0) return <p className="muted empty-state">{t.map.empty}</p>;
  const grades = gradeSummaries(overview.sections);
  const seats = seatsQuery.data ?? null;

  if (showsAllGrids) {
    return (
      <>
        <SeatGrid
          sections={overview.sections}
          seats={seats}
          selectedSeatIds={selectedSeatIds}
          caption={seats ? t.map.caption(dateLabel) : t.map.loading}
          onToggle={onToggle}
        />
        <SeatLegend grades={grades} view="seats" />
      </>
    );
  }

  if (!openSection) {
    return (
      <>
        <p className="small muted">{t.venue.hint}</p>
        <div ref={venueRef}>
          <VenueMap sections={overview.sections} caption={t.venue.caption(dateLabel)} chosenBySection={chosenBySection} onChoose={open} />
        </div>
        <SeatLegend grades={grades} view="venue" />
      </>
    );
  }

  const zoomIndex = ZOOM_STEPS.indexOf(zoom as (typeof ZOOM_STEPS)[number]);
  return (
    <>
      <div className={styles.sectionBar}>
        <button type="button" className="btn btn--small" onClick={back}>← {t.venue.back}</button>
        <h3 ref={sectionHeadingRef} tabIndex={-1} className={styles.sectionHeading}>
          {t.venue.sectionHeading(openSection.name, openSection.grade)}
        </h3>
        <div className={styles.zoom} role="group" aria-label={t.map.zoom(Math.round(zoom * 100))}>
          <button type="button" className="btn btn--small" aria-label={t.map.zoomOut} disabled={zoomIndex <= 0} onClick={() => setZoom(ZOOM_STEPS[zoomIndex - 1]!)}>−</button>
          <span className="small tabular" aria-hidden="true">{t.map.zoom(Math.round(zoom * 100))}</span>
          <button type="button" className="btn btn--small" aria-label={t.map.zoomIn} disabled={zoomIndex >= ZOOM_STEPS.length - 1} onClick={() => setZoom(ZOOM_STEPS[zoomIndex + 1]!)}>+</button>
        </div>
      </div>
      <SeatGrid
        sections={[openSection]}
        seats={seats}
        selectedSeatIds={selectedSeatIds}
        caption={seats ? `${t.map.caption(dateLabel)} · ${openSection.name}` : t.map.loading}
        zoom={zoom}
        onToggle={onToggle}
      />
      <SeatLegend grades={grades} view="seats" />
    </>
  );
}
