import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./auth-card.module.css";

type Props = {
  title: string;
  lead: string;
  switchPrompt: string;
  switchLink: { href: string; label: string };
  footnote?: string;
  children: ReactNode;
};

/** The frame shared by the sign-in and sign-up pages. */
export function AuthCard({ title, lead, switchPrompt, switchLink, footnote, children }: Props) {
  return (
    <div className={`container ${styles.wrap}`}>
      <section className={`card ${styles.card}`} aria-labelledby="auth-title">
        <header className={styles.header}>
          <span className={styles.mark} aria-hidden="true">♪</span>
          <h1 id="auth-title">{title}</h1>
          <p className="muted">{lead}</p>
        </header>
        {children}
        <p className={styles.switch}>
          {switchPrompt} <Link href={switchLink.href}>{switchLink.label}</Link>
        </p>
      </section>
      {footnote && <p className={`muted small ${styles.footnote}`}>{footnote}</p>}
    </div>
  );
}
