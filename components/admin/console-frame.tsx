import type { ReactNode } from "react";
import { ConsoleNavLink } from "@/components/admin/console-nav-link";
import { admin as t } from "@/lib/i18n/ko/admin";
import styles from "./console.module.css";

const MENU = [
  { href: "/admin", label: t.nav.overview, exact: true },
  { href: "/admin/concerts", label: t.nav.concerts, exact: false },
  { href: "/admin/venues", label: t.nav.venues, exact: false },
  { href: "/admin/audit", label: t.nav.audit, exact: false },
] as const;

/** The console's frame: its menu beside the page on a desk, above it on a phone. */
export function ConsoleFrame({ children }: { children: ReactNode }) {
  return (
    <div className={styles.frame}>
      <aside className={styles.sidebar}>
        <p className={styles.sidebarTitle}>{t.eyebrow}</p>
        <nav aria-label={t.nav.label}>
          <ul className={styles.menu}>
            {MENU.map((item) => (
              <li key={item.href}>
                <ConsoleNavLink href={item.href} exact={item.exact} className={styles.menuLink}>{item.label}</ConsoleNavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className={styles.content}>{children}</div>
    </div>
  );
}

/** A console page's heading. */
export function ConsoleHeader({ title, lead, eyebrow = t.eyebrow, children }: { title: string; lead?: string; eyebrow?: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <p className="eyebrow">{eyebrow}</p>
      <h1>{title}</h1>
      {lead && <p className="muted">{lead}</p>}
      {children}
    </header>
  );
}
