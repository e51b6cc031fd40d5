import Link from "next/link";
import { ConcertPoster } from "@/components/catalog/concert-poster";
import { LinkPendingHint } from "@/components/catalog/link-pending-hint";
import { SaleStatusBadge } from "@/components/catalog/sale-status-badge";
import type { ConcertSummary } from "@/lib/catalog/schemas";
import { formatDateRange } from "@/lib/i18n/format";
import { catalog as t } from "@/lib/i18n/ko/catalog";
import styles from "./concert-card.module.css";

/** A concert in the list; the whole card is one link (its title), for keyboard and screen reader alike. */
export function ConcertCard({ concert }: { concert: ConcertSummary }) {
  return (
    <article className={styles.card}>
      <ConcertPoster id={concert.id} artist={concert.artist} />
      <div className={styles.body}>
        <SaleStatusBadge status={concert.status} opensAt={concert.opensAt} />
        <h3 className={styles.title}>
          <Link href={`/concerts/${concert.id}`} className={styles.link}>
            {concert.title}
            <LinkPendingHint />
          </Link>
        </h3>
        <dl className={styles.facts}>
          <div>
            <dt className="visually-hidden">{t.dateRange}</dt>
            <dd>{formatDateRange(concert.firstPerformanceAt, concert.lastPerformanceAt)}</dd>
          </div>
          <div>
            <dt className="visually-hidden">{t.venue}</dt>
            <dd className="muted">{concert.venue}</dd>
          </div>
        </dl>
        <span className={styles.more} aria-hidden="true">
          {t.home.viewConcert} →
        </span>
      </div>
    </article>
  );
}
