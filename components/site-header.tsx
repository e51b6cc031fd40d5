import Link from "next/link";
import { SiteHeaderLinks } from "@/components/site-header-links";
import { getPageViewer } from "@/lib/http/page-session";
import { common as t } from "@/lib/i18n/ko/common";
import styles from "./site-header.module.css";

export async function SiteHeader() {
  const viewer = await getPageViewer();
  return (
    <header className={styles.header}>
      <div className={`container ${styles.inner}`}>
        <Link href="/" className={styles.brand} aria-label={`${t.brand} 홈`}>
          <span className={styles.mark} aria-hidden="true">♪</span>
          {t.brand}
        </Link>
        <SiteHeaderLinks fromServer={viewer} />
      </div>
    </header>
  );
}
