import Link from "next/link";
import { common as t } from "@/lib/i18n/ko/common";
import styles from "./site-footer.module.css";

export function SiteFooter() {
  return (
    <footer className={styles.footer}>
      <div className={`container ${styles.inner}`}>
        <div className={styles.about}>
          <span className={styles.brand}>
            <span className={styles.mark} aria-hidden="true">♪</span>
            {t.brand}
          </span>
          <p>{t.footer}</p>
        </div>
        <nav aria-label={t.footerNav.label} className={styles.links}>
          <Link href="/">{t.nav.concerts}</Link>
          <Link href="/api-docs">{t.footerNav.apiDocs}</Link>
        </nav>
      </div>
    </footer>
  );
}
