"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import roomStyles from "@/components/admin/room/room.module.css";
import consoleStyles from "@/components/admin/console.module.css";
import { MinuteChart } from "@/components/admin/live/minute-chart";
import { TableCard } from "@/components/admin/table-card";
import { SectionHeatMap } from "@/components/admin/live/section-heat-map";
import type { LiveCounts } from "@/lib/admin/live-schemas";
import { apiFetch } from "@/lib/client/api";
import { admin } from "@/lib/i18n/ko/admin";
import { formatDateTime, formatHourMinute, formatWait, formatWon } from "@/lib/i18n/format";
import styles from "./live.module.css";

const t = admin.live;
/** How often the counts are read again; the server shares one read per process for about a second. */
const LIVE_REFRESH_MS = 3_000;

type MinuteField = Exclude<keyof LiveCounts["perMinute"][number], "minute">;
/** The charts, in the order of the on-sale: fans join, are admitted, hold seats, pay. */
const SERIES: readonly { field: MinuteField; colour: string }[] = [
  { field: "joins", colour: "#4338ca" },
  { field: "admissions", colour: "#047857" },
  { field: "holds", colour: "#b45309" },
  { field: "payments", colour: "#be185d" },
  { field: "seatsSold", colour: "#0e7490" },
];

function Stats({ items }: { items: readonly (readonly [string, string])[] }) {
  return (
    <dl className={roomStyles.stats}>
      {items.map(([label, value]) => (
        <div key={label} className={roomStyles.stat}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const count = (value: number) => value.toLocaleString("ko-KR");

/** The line's ETA in words; the API gives null only while paused or before the opening. */
function etaText(room: LiveCounts["room"]): string {
  if (room.etaSeconds === 0) return t.etaWhenStill.nobody;
  if (room.etaSeconds === null) return room.isPaused ? t.etaWhenStill.paused : t.etaWhenStill.beforeOpening;
  return formatWait(room.etaSeconds);
}

/** The on-sale as GET /api/admin/concerts/{id}/live answers it, polled every few seconds. */
export function LiveView({ concertId, initial }: { concertId: string; initial: LiveCounts }) {
  const live = useQuery({
    queryKey: ["admin", "live", concertId],
    queryFn: () => apiFetch<LiveCounts>(`/api/admin/concerts/${concertId}/live`),
    initialData: initial,
    refetchInterval: LIVE_REFRESH_MS,
  });
  const data = live.data;
  const arenaDates = data.dates.filter((date) => date.sections.length > 1);
  return (
    <>
      <p className="muted small" role="status">
        {live.isError ? t.failed : t.updatedAt(formatDateTime(data.readAt))}
        {data.room.isPaused && <span className="badge badge--warning"> {t.room.paused}</span>}
      </p>
      <Stats
        items={[
          [t.room.waiting, count(data.room.waiting)],
          [t.room.admitted, count(data.room.admitted)],
          [t.room.noShows, count(data.room.noShows)],
          [t.room.eta, etaText(data.room)],
          [t.room.servingCounter, count(data.room.servingCounter)],
          [t.room.lastTicket, count(data.room.lastTicket)],
        ]}
      />
      <Stats
        items={[
          [t.seats.sold, count(data.seats.sold)],
          [t.seats.held, count(data.seats.held)],
          [t.seats.available, count(data.seats.available)],
          [t.revenue, formatWon(data.revenue)],
        ]}
      />
      <PerMinute perMinute={data.perMinute} />
      <TableCard
        id="live-dates"
        title={t.datesTitle}
        columns={[
          { label: t.dateColumns.startsAt }, { label: t.dateColumns.sold, isNumber: true }, { label: t.dateColumns.held, isNumber: true },
          { label: t.dateColumns.available, isNumber: true }, { label: t.dateColumns.total, isNumber: true },
        ]}
      >
        {data.dates.map((date) => (
          <tr key={date.performanceId}>
            <td>{formatDateTime(date.startsAt)}</td>
            <td className="num" data-testid="date-sold">{count(date.sold)}</td>
            <td className="num">{count(date.held)}</td>
            <td className="num">{count(date.available)}</td>
            <td className="num">{count(date.total)}</td>
          </tr>
        ))}
      </TableCard>
      {arenaDates.length > 0 && (
        <section className="card stack" aria-labelledby="live-heat">
          <h2 id="live-heat">{t.heatMapTitle}</h2>
          <div className={styles.heatMaps}>
            {arenaDates.map((date) => (
              <div key={date.performanceId} className="stack">
                <h3 className={styles.heatMapDate}>{formatDateTime(date.startsAt)}</h3>
                <SectionHeatMap sections={date.sections} caption={t.heatMap.caption(formatDateTime(date.startsAt))} />
              </div>
            ))}
          </div>
        </section>
      )}
    </>
  );
}

/** The last hour as one bar chart per count, with the numbers of the busy minutes as a table for whoever wants them. */
function PerMinute({ perMinute }: { perMinute: LiveCounts["perMinute"] }) {
  const minutes = useMemo(() => perMinute.map((minute) => formatHourMinute(minute.minute)), [perMinute]);
  const series = useMemo(
    () => SERIES.map(({ field, colour }) => {
      const counts = perMinute.map((minute) => minute[field]);
      const peakIndex = counts.reduce((best, value, index) => (value > counts[best]! ? index : best), 0);
      const peak = counts[peakIndex]! > 0 ? { minute: minutes[peakIndex]!, count: counts[peakIndex]! } : null;
      const label = t.perMinuteColumns[field];
      return { field, colour, label, counts, summary: t.chartSummary(label, counts.reduce((sum, value) => sum + value, 0), peak) };
    }),
    [perMinute, minutes],
  );
  const activeMinutes = perMinute.filter((minute) => SERIES.some(({ field }) => minute[field] > 0));
  return (
    <section className="card stack" aria-labelledby="live-minutes">
      <h2 id="live-minutes">{t.perMinuteTitle}</h2>
      <div className={styles.charts}>
        {series.map((chart) => (
          <MinuteChart key={chart.field} title={chart.label} minutes={minutes} counts={chart.counts} colour={chart.colour} summary={chart.summary} />
        ))}
      </div>
      {activeMinutes.length === 0 ? (
        <p className="muted">{t.quietMinutes}</p>
      ) : (
        <details className={styles.tableDetails}>
          <summary>{t.chartsTableSummary}</summary>
          <div className={consoleStyles.tableWrap} tabIndex={0} role="region" aria-labelledby="live-minutes">
            <table className="table">
              <thead>
                <tr>
                  {Object.values(t.perMinuteColumns).map((label, index) => (
                    <th key={label} scope="col" className={index === 0 ? undefined : "num"}>{label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {activeMinutes.map((minute) => (
                  <tr key={minute.minute}>
                    <td>{formatHourMinute(minute.minute)}</td>
                    {SERIES.map(({ field }) => <td key={field} className="num">{count(minute[field])}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
