"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { AdmissionTimer } from "@/components/booking/admission-timer";
import { Countdown } from "@/components/booking/countdown";
import {
  ADMISSION_ERROR_CODES,
  bookingKeys,
  fetchMyReservations,
  fetchPerformances,
  HOLDS_REFRESH_MS,
  PERFORMANCES_REFRESH_MS,
  type Performance,
  type Seat,
} from "@/components/booking/booking-queries";
import { HoldsPanel } from "@/components/booking/holds-panel";
import { MobileHoldBar } from "@/components/booking/mobile-hold-bar";
import { isBookable, PerformancePicker } from "@/components/booking/performance-picker";
import { QueryProblem } from "@/components/booking/query-problem";
import { SeatChooser } from "@/components/booking/seat-chooser";
import { SelectionPanel } from "@/components/booking/selection-panel";
import { useBookingActions } from "@/components/booking/use-booking-actions";
import { useHoldExpiry } from "@/components/booking/use-hold-expiry";
import { useSeatChooser, type InitialSections } from "@/components/booking/use-seat-chooser";
import { secondsUntil, useNow } from "@/components/booking/use-now";
import { ApiError } from "@/lib/client/api";
import { toggleSeat } from "@/lib/booking/seat-layout";
import { formatShortDateTime } from "@/lib/i18n/format";
import { booking as t } from "@/lib/i18n/ko/booking";
import styles from "./booking-screen.module.css";

type Props = {
  concertId: string;
  /** ISO time the fan's admission window ends. */
  admittedUntil: string;
  holdSeconds: number;
  maxHoldsPerPerformance: number;
  /** The dates as the server read them while rendering the page, so they show at once. */
  initialPerformances?: Performance[];
  /** The first bookable date's sections as the server read them, with their ETag. */
  initialSections?: InitialSections;
};

const LAST_MINUTE_SECONDS = 60;
const isAdmissionError = (error: unknown) => error instanceof ApiError && ADMISSION_ERROR_CODES.has(error.code);

/** Dates, seat map, selection and holds of one concert, for an admitted fan. */
export function BookingScreen({ concertId, admittedUntil, holdSeconds, maxHoldsPerPerformance, initialPerformances, initialSections }: Props) {
  const queryClient = useQueryClient();
  const now = useNow();
  const [chosenPerformanceId, setChosenPerformanceId] = useState<string | null>(null);
  // Seats as they were when picked: the open section's refreshed seats replace them.
  const [picked, setPicked] = useState<Seat[]>([]);
  const [isAdmissionLost, setAdmissionLost] = useState(false);
  const holdsPanelRef = useRef<HTMLElement>(null);

  const performancesQuery = useQuery({
    queryKey: bookingKeys.performances(concertId),
    queryFn: () => fetchPerformances(concertId),
    initialData: initialPerformances,
    refetchInterval: PERFORMANCES_REFRESH_MS,
  });
  const performances = useMemo(() => performancesQuery.data ?? [], [performancesQuery.data]);
  const performanceId = chosenPerformanceId ?? performances.find(isBookable)?.id ?? null;
  const performance = performances.find((candidate) => candidate.id === performanceId);

  const chooser = useSeatChooser(performance, initialSections);
  const { seatsQuery, sectionsQuery } = chooser;
  const seats = useMemo(() => seatsQuery.data ?? [], [seatsQuery.data]);
  const reservationsQuery = useQuery({ queryKey: bookingKeys.myReservations(), queryFn: fetchMyReservations, refetchInterval: HOLDS_REFRESH_MS });

  const holds = useMemo(
    () =>
      (reservationsQuery.data ?? [])
        .filter((reservation) => reservation.concertId === concertId && reservation.status === "HELD")
        .filter((reservation) => now === null || Date.parse(reservation.expiresAt) > now)
        .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt) || a.seatNumber - b.seatNumber),
    [reservationsQuery.data, concertId, now],
  );

  const seatsOnScreen = useMemo(() => new Map(seats.map((seat) => [seat.id, seat])), [seats]);
  const selectedSeats = picked.map((seat) => seatsOnScreen.get(seat.id) ?? seat).filter((seat) => seat.status === "AVAILABLE");
  const selectedSeatIds = selectedSeats.map((seat) => seat.id);
  const holdsHere = holds.filter((hold) => hold.performanceId === performanceId);
  const soonestHereEndsAt = holdsHere[0]?.expiresAt;
  const selectable = Math.max(0, maxHoldsPerPerformance - holdsHere.length);
  const chosenBySection = new Map<string, number>();
  for (const seat of [...selectedSeats, ...holdsHere]) chosenBySection.set(seat.sectionId, (chosenBySection.get(seat.sectionId) ?? 0) + 1);
  const admissionSecondsLeft = now === null ? null : secondsUntil(admittedUntil, now);
  const isAdmissionOver =
    isAdmissionLost || admissionSecondsLeft === 0 || [performancesQuery.error, seatsQuery.error, sectionsQuery.error].some(isAdmissionError);
  const soonestSecondsLeft = now !== null && holds[0] ? secondsUntil(holds[0].expiresAt, now) : null;

  const { hold, release, notice, setNotice } = useBookingActions({
    holdSeconds,
    selectedSeats,
    onHeld: () => {
      setPicked([]);
      // The result is the hold panel: focus goes there, not back to the page.
      holdsPanelRef.current?.focus();
    },
    onSeatsTaken: (taken) => setPicked((current) => current.filter((seat) => !taken.includes(seat.id))),
    onAdmissionLost: () => setAdmissionLost(true),
  });

  const canHold = !isAdmissionOver && performance?.isBookingOpen === true;
  function holdSelection() {
    if (performanceId) hold.mutate({ performanceId, seatIds: selectedSeatIds });
  }

  const onHoldExpired = useCallback(() => {
    setNotice({ tone: "warning", text: t.holds.expired });
    void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
  }, [queryClient, setNotice]);
  useHoldExpiry({ reservations: reservationsQuery.data, concertId, now, onExpired: onHoldExpired });

  function choosePerformance(id: string) {
    setChosenPerformanceId(id);
    setPicked([]);
    setNotice(null);
  }

  function toggle(seat: Seat) {
    const change = toggleSeat(selectedSeats, seat, selectable);
    setNotice(change.isOverLimit ? { tone: "warning", text: t.selection.limit(maxHoldsPerPerformance) } : null);
    setPicked(change.selected);
  }

  return (
    <div className="stack-lg">
      <AdmissionTimer concertId={concertId} admittedUntil={admittedUntil} secondsLeft={admissionSecondsLeft} isOver={isAdmissionOver} />
      <div className={styles.layout}>
        <div className={`stack-lg ${styles.main}`}>
          <section className="stack" aria-labelledby="dates-title">
            <h2 id="dates-title">{t.dates.title}</h2>
            {performancesQuery.isPending ? (
              <div className={`skeleton ${styles.datesSkeleton}`} role="status" aria-label={t.dates.loading} />
            ) : performancesQuery.isError ? (
              <QueryProblem concertId={concertId} error={performancesQuery.error} onRetry={() => performancesQuery.refetch()} />
            ) : performances.length === 0 ? (
              <p className="card card--flat empty-state muted">{t.dates.empty}</p>
            ) : (
              <PerformancePicker performances={performances} selectedId={performanceId} onSelect={choosePerformance} />
            )}
          </section>

          <section className={`card stack ${styles.mapSection}`} aria-labelledby="map-title">
            <div className="row row--between">
              <h2 id="map-title">
                {t.map.title}
                {performance && <span className={styles.mapDate}> · {formatShortDateTime(performance.startsAt)}</span>}
              </h2>
              {holdsHere.length > 0 && (
                <span className="badge badge--brand">
                  {t.map.myHoldsBadge(holdsHere.length)}
                  {soonestHereEndsAt && <> · <Countdown until={soonestHereEndsAt} label={t.holds.timeLeft} /></>}
                </span>
              )}
            </div>
            <div aria-live="polite" aria-atomic="true">
              {notice && <p className={`alert alert--${notice.tone} small`}>{notice.text}</p>}
            </div>
            {performance === undefined ? (
              performancesQuery.isPending ? (
                <div className={`skeleton ${styles.mapSkeleton}`} role="status" aria-label={t.map.loading} />
              ) : (
                <p className="muted empty-state">{t.map.choosePrompt}</p>
              )
            ) : (
              <SeatChooser
                concertId={concertId}
                chooser={chooser}
                dateLabel={formatShortDateTime(performance.startsAt)}
                selectedSeatIds={selectedSeatIds}
                chosenBySection={chosenBySection}
                onToggle={toggle}
              />
            )}
            <p className="small muted">{t.map.updatedHint}</p>
            <MobileHoldBar selected={selectedSeats} isHolding={hold.isPending} canHold={canHold} onHold={holdSelection} />
          </section>
        </div>

        <aside className={`stack-lg ${styles.aside}`}>
          <SelectionPanel
            selected={selectedSeats}
            remaining={Math.max(0, selectable - selectedSeats.length)}
            limit={maxHoldsPerPerformance}
            isHolding={hold.isPending}
            canHold={canHold}
            onHold={holdSelection}
            onClear={() => setPicked([])}
          />
          <HoldsPanel
            ref={holdsPanelRef}
            concertId={concertId}
            holds={holds}
            isLoading={reservationsQuery.isPending}
            isLastMinute={soonestSecondsLeft !== null && soonestSecondsLeft <= LAST_MINUTE_SECONDS}
            holdSeconds={holdSeconds}
            releasingId={release.isPending ? (release.variables?.id ?? null) : null}
            onRelease={(reservation) => release.mutate(reservation)}
          />
        </aside>
      </div>
    </div>
  );
}
