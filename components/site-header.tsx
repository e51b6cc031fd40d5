import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { getCurrentUser } from "@/lib/http/page-session";
import { common as t } from "@/lib/i18n/ko/common";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand" aria-label={`${t.brand} 홈`}>
          <span className="brand__mark" aria-hidden="true">♪</span>
          {t.brand}
        </Link>
        <nav aria-label={t.nav.label} className="site-nav">
          <Link href="/">{t.nav.concerts}</Link>
          {user ? (
            <>
              <Link href="/tickets">{t.nav.tickets}</Link>
              <Link href="/wallet">{t.nav.wallet}</Link>
              <span className="site-nav__user">{t.nav.signedInAs(user.name)}</span>
              <SignOutButton label={t.nav.signOut} />
            </>
          ) : (
            <>
              <Link href="/sign-in">{t.nav.signIn}</Link>
              <Link href="/sign-up" className="btn btn--primary btn--small">{t.nav.signUp}</Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
