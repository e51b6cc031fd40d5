import { queue as t } from "@/lib/i18n/ko/queue";
import styles from "./queue-room.module.css";

/** The calm explanation beside the place in line: how the line works and what to do (nothing). */
export function QueueGuide() {
  return (
    <aside className={`card card--flat ${styles.guide}`} aria-labelledby="queue-guide-title">
      <h2 id="queue-guide-title" className={styles.guideTitle}>{t.guide.title}</h2>
      <ul className={`list-plain ${styles.guideList}`}>
        {t.guide.items.map((item) => (
          <li key={item.title}>
            <h3 className={styles.guideItemTitle}>{item.title}</h3>
            <p className="muted small">{item.body}</p>
          </li>
        ))}
      </ul>
    </aside>
  );
}
