"use client";

import { useQuery } from "@tanstack/react-query";
import roomStyles from "@/components/admin/room/room.module.css";
import consoleStyles from "@/components/admin/console.module.css";
import type { LiveCounts } from "@/lib/admin/live-schemas";
import { apiFetch } from "@/lib/client/api";
import { admin } from "@/lib/i18n/ko/admin";
import { formatDateTime, formatHourMinute, formatWon } from "@/lib/i18n/format";

const t = admin.live;
/** How often the counts are read again; the server shares one read per process for about a second. */
const LIVE_REFRESH_MS = 3_000;

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

/** The on-sale as GET /api/admin/concerts/{id}/live answers it, polled every few seconds. */
export function LiveView({ concertId, initial }: { concertId: string; initial: LiveCounts }) {
  const live = useQuery({
    queryKey: ["admin", "live", concertId],
    queryFn: () => apiFetch<LiveCounts>(`/api/admin/concerts/${concertId}/live`),
    initialData: initial,
    refetchInterval: LIVE_REFRESH_MS,
  });
  const data = live.data;
  const activeMinutes = data.perMinute.filter((minute) => minute.joins + minute.admissions + minute.holds + minute.payments + minute.seatsSold > 0);
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
      <section className="card stack" aria-labelledby="live-dates">
        <h2 id="live-dates">{t.datesTitle}</h2>
        <div className={consoleStyles.tableWrap} tabIndex={0} role="region" aria-labelledby="live-dates">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.dateColumns.startsAt}</th>
                <th scope="col" className="num">{t.dateColumns.sold}</th>
                <th scope="col" className="num">{t.dateColumns.held}</th>
                <th scope="col" className="num">{t.dateColumns.available}</th>
                <th scope="col" className="num">{t.dateColumns.total}</th>
              </tr>
            </thead>
            <tbody>
              {data.dates.map((date) => (
                <tr key={date.performanceId}>
                  <td>{formatDateTime(date.startsAt)}</td>
                  <td className="num" data-testid="date-sold">{count(date.sold)}</td>
                  <td className="num">{count(date.held)}</td>
                  <td className="num">{count(date.available)}</td>
                  <td className="num">{count(date.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card stack" aria-labelledby="live-minutes">
        <h2 id="live-minutes">{t.perMinuteTitle}</h2>
        {activeMinutes.length === 0 ? (
          <p className="muted">{t.quietMinutes}</p>
        ) : (
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
                    <td className="num">{count(minute.joins)}</td>
                    <td className="num">{count(minute.admissions)}</td>
                    <td className="num">{count(minute.holds)}</td>
                    <td className="num">{count(minute.payments)}</td>
                    <td className="num">{count(minute.seatsSold)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
