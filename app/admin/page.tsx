import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleHeader } from "@/components/admin/console-frame";
import styles from "@/components/admin/console.module.css";
import { listConcerts } from "@/lib/catalog/list-concerts";
import { db } from "@/lib/db";
import { requirePageOperator } from "@/lib/http/page-session";
import { admin as t } from "@/lib/i18n/ko/admin";
import { formatDateRange } from "@/lib/i18n/format";

export const metadata: Metadata = { title: t.overview.title };

export default async function AdminOverviewPage() {
  await requirePageOperator("/admin");
  const concerts = await listConcerts(db());
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
                      <div className="muted small">{concert.artist} · {concert.venue}</div>
                    </td>
                    <td className="small">{formatDateRange(concert.firstPerformanceAt, concert.lastPerformanceAt)}</td>
                    <td><span className="badge">{t.status[concert.status] ?? concert.status}</span></td>
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
