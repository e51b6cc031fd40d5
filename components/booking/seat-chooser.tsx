"use client";

import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { Seat, VenueSection } from "@/components/booking/booking-queries";
import { QueryProblem } from "@/components/booking/query-problem";
import { SeatGrid } from "@/components/booking/seat-grid";
import { SeatLegend } from "@/components/booking/seat-legend";
import type { useSeatChooser } from "@/components/booking/use-seat-chooser";
import { VenueMap } from "@/components/booking/venue-map";
import { ZoomControls, ZOOM_STEPS } from "@/components/booking/zoom-controls";
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
  const [venueZoom, setVenueZoom] = useState<number>(ZOOM_STEPS[0]);
  const sectionHeadingRef = useRef<HTMLHeadingElement>(null);
  const venueRef = useRef<HTMLDivElement>(null);
  // Where focus goes after the fan opens a section or goes back to the drawing.
  const pendingFocus = useRef<{ to: "section" } | { to: "venue"; sectionId: string } | null>(null);

  useKeepCentreWhenZooming(venueRef, venueZoom);

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
        <div className={styles.venueBar}>
          <p className="small muted">{t.venue.hint}</p>
          <ZoomControls zoom={venueZoom} onZoom={setVenueZoom} subject={t.zoom.venue} />
        </div>
        <div ref={venueRef} className={styles.venueFrame}>
          <VenueMap sections={overview.sections} caption={t.venue.caption(dateLabel)} chosenBySection={chosenBySection} zoom={venueZoom} onChoose={open} />
        </div>
        <SeatLegend grades={grades} view="venue" />
      </>
    );
  }

  return (
    <>
      <div className={styles.sectionBar}>
        <button type="button" className="btn btn--small" onClick={back}>← {t.venue.back}</button>
        <h3 ref={sectionHeadingRef} tabIndex={-1} className={styles.sectionHeading}>
          {t.venue.sectionHeading(openSection.name, openSection.grade)}
        </h3>
        <ZoomControls zoom={zoom} onZoom={setZoom} subject={t.zoom.seats} />
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

/**
 * Zooming scales the drawing about the middle of what the fan sees: the
 * frame's horizontal scroll follows the zoom, so the sections in view stay in view.
 */
function useKeepCentreWhenZooming(frameRef: RefObject<HTMLElement | null>, zoom: number) {
  const previous = useRef(zoom);
  useLayoutEffect(() => {
    const frame = frameRef.current;
    const ratio = zoom / previous.current;
    previous.current = zoom;
    if (!frame || ratio === 1) return;
    frame.scrollLeft = (frame.scrollLeft + frame.clientWidth / 2) * ratio - frame.clientWidth / 2;
  }, [frameRef, zoom]);
}
