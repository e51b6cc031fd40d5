"use client";

// The header's sections and account: who is signed in comes from the server's
// render or, in the render every fan shares, from the browser (useViewer).
import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { SiteNavLink } from "@/components/site-nav-link";
import type { PageViewer } from "@/lib/auth/page-viewer";
import { useViewer } from "@/lib/client/use-viewer";
import { admin } from "@/lib/i18n/ko/admin";
import { common as t } from "@/lib/i18n/ko/common";
import styles from "./site-header.module.css";

export function SiteHeaderLinks({ fromServer }: { fromServer: PageViewer }) {
  const viewer = useViewer(fromServer);
  return (
    <>
      <nav aria-label={t.nav.label} className={styles.nav}>
        <SiteNavLink href="/" className={styles.link}>{t.nav.concerts}</SiteNavLink>
        {viewer && <SiteNavLink href="/tickets" className={styles.link}>{t.nav.tickets}</SiteNavLink>}
        {viewer && <SiteNavLink href="/wallet" className={styles.link}>{t.nav.wallet}</SiteNavLink>}
        {viewer?.role === "ADMIN" && <SiteNavLink href="/admin" className={styles.link}>{admin.headerLink}</SiteNavLink>}
      </nav>
      <div className={styles.account}>
        {viewer === undefined ? (
          // Not known yet: neither state, in the space both take, so nothing moves when it is.
          // Without JavaScript it never will be: a link that suits both (the wallet asks a visitor to sign in).
          <>
            <span className={styles.accountPending} aria-hidden="true" />
            <noscript>
              <Link href="/wallet" className={styles.signIn}>{t.nav.account}</Link>
            </noscript>
          </>
        ) : viewer ? (
          <>
            <span className={styles.user}>
              <span className={styles.avatar} aria-hidden="true">{viewer.name.slice(0, 1)}</span>
              <span className={styles.userName}>{t.nav.signedInAs(viewer.name)}</span>
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
    </>
  );
}
