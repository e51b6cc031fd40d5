import { ConsoleNavLink } from "@/components/admin/console-nav-link";
import { admin as t } from "@/lib/i18n/ko/admin";
import styles from "./console.module.css";

/** The pages of one concert in the console. */
export function ConcertTabs({ concertId }: { concertId: string }) {
  const base = `/admin/concerts/${concertId}`;
  const tabs = [
    { href: base, label: t.concertNav.details, exact: true },
    { href: `${base}/room`, label: t.concertNav.room, exact: false },
    { href: `${base}/live`, label: t.concertNav.live, exact: false },
    { href: `${base}/orders`, label: t.concertNav.orders, exact: false },
    { href: `${base}/audit`, label: t.concertNav.audit, exact: false },
  ];
  return (
    <nav aria-label={t.concertNav.label}>
      <ul className={styles.tabs}>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <ConsoleNavLink href={tab.href} exact={tab.exact} className={styles.tab}>{tab.label}</ConsoleNavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
