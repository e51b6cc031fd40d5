"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  bookingKeys,
  fetchSeats,
  fetchSections,
  primeSections,
  SEATS_REFRESH_MS,
  type Performance,
  type SectionsOverview,
} from "@/components/booking/booking-queries";
import { ALL_GRIDS_MAX_SEATS } from "@/lib/booking/seat-layout";

/**
 * What the seat chooser shows of one date, and keeps fresh: the section
 * overview always, and the seats of what is on screen — one section of an
 * arena, or the whole of a small hall. Both refresh with the ETag, so an
 * unchanged answer is a 304 and renders nothing again; sections out of view
 * are not refreshed.
 */
export type InitialSections = { performanceId: string; etag: string; body: SectionsOverview };

export function useSeatChooser(performance: Performance | undefined, initialSections?: InitialSections) {
  const performanceId = performance?.id ?? null;
  const showsAllGrids = performance !== undefined && performance.totalSeats <= ALL_GRIDS_MAX_SEATS;
  // The open section, per date: another date opens on its drawing.
  const [open, setOpen] = useState<{ performanceId: string; sectionId: string } | null>(null);
  const openSectionId = !showsAllGrids && open !== null && open.performanceId === performanceId ? open.sectionId : null;

  // The server's read answers the first refresh's If-None-Match: a 304 when nothing changed since.
  useState(() => initialSections && primeSections(initialSections.performanceId, initialSections.etag, initialSections.body));
  const sectionsQuery = useQuery({
    queryKey: bookingKeys.sections(performanceId ?? "none"),
    queryFn: () => fetchSections(performanceId!),
    initialData: initialSections?.performanceId === performanceId ? initialSections?.body : undefined,
    enabled: performanceId !== null,
    refetchInterval: SEATS_REFRESH_MS,
  });
  const seatsQuery = useQuery({
    queryKey: openSectionId ? bookingKeys.sectionSeats(performanceId ?? "none", openSectionId) : bookingKeys.seats(performanceId ?? "none"),
    queryFn: () => fetchSeats(performanceId!, openSectionId ?? undefined),
    enabled: performanceId !== null && (showsAllGrids || openSectionId !== null),
    refetchInterval: SEATS_REFRESH_MS,
  });

  const sections = sectionsQuery.data?.sections;
  return {
    showsAllGrids,
    sectionsQuery,
    seatsQuery,
    openSection: sections?.find((section) => section.id === openSectionId) ?? null,
    openSectionById: (sectionId: string | null) => setOpen(sectionId && performanceId ? { performanceId, sectionId } : null),
  };
}
