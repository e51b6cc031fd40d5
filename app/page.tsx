import { connection } from "next/server";
import { ConcertCard } from "@/components/catalog/concert-card";
import { listConcerts } from "@/lib/catalog/list-concerts";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { catalog as t } from "@/lib/i18n/ko/catalog";
import styles from "./page.module.css";

export default async function HomePage() {
  await connection();
  const concerts = await listConcerts(db());
  const holdMinutes = Math.round(env().HOLD_TTL_SECONDS / 60);
  return (
    <div className="container stack-lg">
      <section className={styles.hero} aria-labelledby="hero-title">
        <div className={styles.heroText}>
          <p className={styles.eyebrow}>{t.home.eyebrow}</p>
          <h1 id="hero-title" className={styles.heroTitle}>{t.home.title}</h1>
          <p className={styles.lead}>{t.home.lead(holdMinutes)}</p>
        </div>
        <ol className={styles.points}>
          {t.home.points(holdMinutes).map((point, index) => (
            <li key={point.title} className={styles.point}>
              <span className={styles.step} aria-hidden="true">{index + 1}</span>
              <div>
                <h2 className={styles.pointTitle}>{point.title}</h2>
                <p className={styles.pointBody}>{point.body}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section className="stack" aria-labelledby="concerts-title">
        <div className="row row--between">
          <h2 id="concerts-title">{t.home.listTitle}</h2>
          {concerts.length > 0 && <span className="muted small">{t.home.listCount(concerts.length)}</span>}
        </div>
        {concerts.length === 0 ? (
          <div className="card card--flat stack empty-state">
            <span className={styles.emptyMark} aria-hidden="true">♪</span>
            <h3>{t.home.emptyTitle}</h3>
            <p className="muted">{t.home.emptyBody}</p>
          </div>
        ) : (
          <ul className={`grid list-plain ${styles.list}`}>
            {concerts.map((concert) => (
              <li key={concert.id} className={styles.item}>
                <ConcertCard concert={concert} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
