import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { SiteNavLink } from "@/components/site-nav-link";
import { getCurrentUser } from "@/lib/http/page-session";
import { admin } from "@/lib/i18n/ko/admin";
import { common as t } from "@/lib/i18n/ko/common";
import styles from "./site-header.module.css";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className={styles.header}>
      <div className={`container ${styles.inner}`}>
        <Link href="/" className={styles.brand} aria-label={`${t.brand} 홈`}>
          <span className={styles.mark} aria-hidden="true">♪</span>
          {t.brand}
        </Link>
        <nav aria-label={t.nav.label} className={styles.nav}>
          <SiteNavLink href="/" className={styles.link}>{t.nav.concerts}</SiteNavLink>
          {user && <SiteNavLink href="/tickets" className={styles.link}>{t.nav.tickets}</SiteNavLink>}
          {user && <SiteNavLink href="/wallet" className={styles.link}>{t.nav.wallet}</SiteNavLink>}
          {user?.role === "ADMIN" && <SiteNavLink href="/admin" className={styles.link}>{admin.headerLink}</SiteNavLink>}
        </nav>
        <div className={styles.account}>
          {user ? (
            <>
              <span className={styles.user}>
                <span className={styles.avatar} aria-hidden="true">{user.name.slice(0, 1)}</span>
                <span className={styles.userName}>{t.nav.signedInAs(user.name)}</span>
              </span>
              <SignOutButton label={t.nav.signOut} />
            </>
          ) : (
            <>
              <Link href="/sign-in" className={styles.signIn}>{t.nav.signIn}</Link>
              <Link href="/sign-up" className="btn btn--accent btn--small">{t.nav.signUp}</Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
