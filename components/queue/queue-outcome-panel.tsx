"use client";

import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import styles from "./queue-room.module.css";

type Props = {
  title: string;
  body: string;
  tone: "info" | "warning" | "error";
  /** A one-character symbol above the title (decorative). */
  mark: string;
  /** The way forward: a rejoin, a retry or a link elsewhere. */
  children: ReactNode;
};

/**
 * A state that ends the wait (place over, left, sold out, failed), with a way
 * forward. The heading takes focus when it appears: the control that led here
 * (e.g. the leave dialog) is gone, and keyboard and screen-reader users land on
 * what happened.
 */
export function QueueOutcomePanel({ title, body, tone, mark, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);

  return (
    <div className={`${styles.panelBody} ${styles.outcome}`}>
      <span className={`${styles.outcomeMark} ${styles[`outcome_${tone}`]}`} aria-hidden="true">
        {mark}
      </span>
      <h2 id="queue-state-title" ref={heading} tabIndex={-1} className={styles.stateTitle}>{title}</h2>
      <p className="muted">{body}</p>
      <div className={styles.outcomeActions}>{children}</div>
    </div>
  );
}

export function ConcertLinks({ concertId, concertLabel, concertsLabel }: { concertId: string; concertLabel: string; concertsLabel: string }) {
  return (
    <>
      <Link href={`/concerts/${concertId}`} className="btn">{concertLabel}</Link>
      <Link href="/" className="btn btn--ghost">{concertsLabel}</Link>
    </>
  );
}
