import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ConcertPoster } from "@/components/catalog/concert-poster";
import { PerformanceList } from "@/components/catalog/performance-list";
import { PriceTiers } from "@/components/catalog/price-tiers";
import { QueueCallToAction } from "@/components/catalog/queue-call-to-action";
import { SaleStatusBadge } from "@/components/catalog/sale-status-badge";
import { getConcert } from "@/lib/catalog/get-concert";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getPageViewer } from "@/lib/http/page-session";
import { formatDateRange } from "@/lib/i18n/format";
import { catalog as t } from "@/lib/i18n/ko/catalog";
import styles from "./page.module.css";

type Props = { params: Promise<{ concertId: string }> };

/** One lookup per request, shared by the metadata and the page. */
const loadConcert = cache(async (concertId: string) => {
  await connection();
  return getConcert(db(), { concertId });
});

const toMinutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const concert = await loadConcert((await params).concertId);
  return concert ? { title: concert.title, description: `${concert.artist} · ${concert.venue}` } : { title: t.concert.notFoundTitle };
}

export default async function ConcertPage({ params }: Props) {
  const { concertId } = await params;
  const [concert, viewer] = await Promise.all([loadConcert(concertId), getPageViewer()]);
  if (!concert) notFound();
  const first = concert.performances[0]?.startsAt;
  const last = concert.performances.at(-1)?.startsAt;
  const steps = t.concert.howSteps({
    admission: toMinutes(concert.admissionWindowSeconds ?? 600),
    claim: toMinutes(concert.claimWindowSeconds ?? 60),
    hold: toMinutes(env().HOLD_TTL_SECONDS),
  });

  return (
    <div className="container stack-lg">
      <nav aria-label="breadcrumb">
        <Link href="/" className={styles.back}>← {t.concert.backToList}</Link>
      </nav>

      <header className={styles.header}>
        <ConcertPoster id={concert.id} artist={concert.artist} size="banner" />
        <div className={styles.headline}>
          <SaleStatusBadge status={concert.status} opensAt={concert.opensAt} />
          <h1>{concert.title}</h1>
          <dl className={styles.facts}>
            <div>
              <dt>{t.dateRange}</dt>
              <dd>{first && last ? formatDateRange(first, last) : "—"}</dd>
            </div>
            <div>
              <dt>{t.venue}</dt>
              <dd>{concert.venue}</dd>
            </div>
          </dl>
        </div>
      </header>

      <div className={styles.layout}>
        <aside className={`card ${styles.aside}`} aria-label={t.concert.cta}>
          <QueueCallToAction
            concertId={concert.id}
            status={concert.status}
            opensAt={concert.opensAt}
            viewer={viewer}
          />
          {concert.priceTiers.length > 0 && (
            <section className="stack" aria-labelledby="prices-title">
              <h2 id="prices-title" className={styles.asideTitle}>{t.concert.pricesTitle}</h2>
              <PriceTiers tiers={concert.priceTiers} />
            </section>
          )}
        </aside>

        <div className={`stack-lg ${styles.main}`}>
          <section className="stack" aria-labelledby="performances-title">
            <div className="row row--between">
              <h2 id="performances-title">{t.concert.performancesTitle}</h2>
              <span className="muted small">{t.concert.performanceCount(concert.performances.length)}</span>
            </div>
            <PerformanceList performances={concert.performances} />
          </section>

          <section className="stack" aria-labelledby="how-title">
            <h2 id="how-title">{t.concert.howTitle}</h2>
            <ol className={styles.steps}>
              {steps.map((step, index) => (
                <li key={index} className={styles.step}>
                  <span className={styles.stepNumber} aria-hidden="true">{index + 1}</span>
                  <p>{step}</p>
                </li>
              ))}
            </ol>
          </section>

          <section className="stack" aria-labelledby="about-title">
            <h2 id="about-title">{t.concert.aboutTitle}</h2>
            <p className={styles.description}>{concert.description}</p>
          </section>
        </div>
      </div>
    </div>
  );
}
