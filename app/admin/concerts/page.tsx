import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleHeader } from "@/components/admin/console-frame";
import styles from "@/components/admin/console.module.css";
import { readAdminConcerts } from "@/lib/admin/read-admin-concerts";
import { db } from "@/lib/db";
import { requirePageOperator } from "@/lib/http/page-session";
import { admin } from "@/lib/i18n/ko/admin";

const t = admin.concerts;

export const metadata: Metadata = { title: t.title };

export default async function AdminConcertsPage() {
  await requirePageOperator("/admin/concerts");
  const concerts = await readAdminConcerts(db());
  return (
    <>
      <ConsoleHeader title={t.title} lead={t.lead}>
        <div><Link href="/admin/concerts/new" className="btn btn--primary">{t.create}</Link></div>
      </ConsoleHeader>
      {concerts.length === 0 ? (
        <p className="card muted">{t.empty}</p>
      ) : (
        <div className={`card ${styles.tableWrap}`}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.columns.title}</th>
                <th scope="col">{t.columns.venue}</th>
                <th scope="col" className="num">{t.columns.dates}</th>
                <th scope="col" className="num">{t.columns.sold}</th>
                <th scope="col">{t.columns.room}</th>
              </tr>
            </thead>
            <tbody>
              {concerts.map((concert) => {
                const sold = concert.performances.reduce((sum, performance) => sum + performance.soldSeats, 0);
                const total = concert.performances.reduce((sum, performance) => sum + performance.totalSeats, 0);
                return (
                  <tr key={concert.id}>
                    <td>
                      <Link href={`/admin/concerts/${concert.id}`}><strong>{concert.title}</strong></Link>
                      <div className="muted small">{concert.artist}</div>
                    </td>
                    <td className="small">{concert.venueName}</td>
                    <td className="num">{t.datesCount(concert.performances.length)}</td>
                    <td className="num small">{t.soldOf(sold, total)}</td>
                    <td>
                      <span className={`badge ${concert.isPaused ? "badge--warning" : "badge--success"}`}>{concert.isPaused ? t.paused : t.running}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
