import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleHeader } from "@/components/admin/console-frame";
import styles from "@/components/admin/console.module.css";
import { readAdminConcerts } from "@/lib/admin/read-admin-concerts";
import { db } from "@/lib/db";
import { requirePageOperator } from "@/lib/http/page-session";
import { admin } from "@/lib/i18n/ko/admin";
import { formatDateRange } from "@/lib/i18n/format";

const t = admin;

export const metadata: Metadata = { title: t.overview.title };

export default async function AdminOverviewPage() {
  await requirePageOperator("/admin");
  const concerts = await readAdminConcerts(db());
  return (
    <>
      <ConsoleHeader title={t.overview.title} lead={t.overview.lead} />
      <section className="card stack" aria-labelledby="overview-concerts">
        <h2 id="overview-concerts">{t.overview.concertsHeading}</h2>
        {concerts.length === 0 ? (
          <p className="muted">{t.overview.empty}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.overview.columns.title}</th>
                  <th scope="col">{t.overview.columns.dates}</th>
                  <th scope="col">{t.overview.columns.status}</th>
                  <th scope="col">{t.overview.columns.actions}</th>
                </tr>
              </thead>
              <tbody>
                {concerts.map((concert) => (
                  <tr key={concert.id}>
                    <td>
                      <Link href={`/admin/concerts/${concert.id}`}><strong>{concert.title}</strong></Link>
                      <div className="muted small">{concert.artist} · {concert.venueName}</div>
                    </td>
                    <td className="small">
                      {concert.performances.length > 0
                        ? formatDateRange(concert.performances[0]!.startsAt, concert.performances.at(-1)!.startsAt)
                        : t.overview.noDates}
                    </td>
                    <td>
                      <span className={`badge ${concert.isPaused ? "badge--warning" : "badge--success"}`}>
                        {concert.isPaused ? admin.concerts.paused : admin.concerts.running}
                      </span>
                    </td>
                    <td>
                      <div className={styles.quickLinks}>
                        <Link className="btn btn--small" href={`/admin/concerts/${concert.id}/live`}>{t.concertNav.live}</Link>
                        <Link className="btn btn--small" href={`/admin/concerts/${concert.id}/room`}>{t.concertNav.room}</Link>
                        <Link className="btn btn--small" href={`/admin/concerts/${concert.id}/orders`}>{t.concertNav.orders}</Link>
                      </div>
                    </td>
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
