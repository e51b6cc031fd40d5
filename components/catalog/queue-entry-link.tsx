"use client";

// The way into a concert's waiting room: straight in for a signed-in fan, by
// way of sign-in for a visitor. In the render every fan shares it is not known
// which (docs/decisions/135): until the browser knows, the plain way in, which
// sends a visitor to sign in and back by itself (the waiting room does).
import Link from "next/link";
import { withNext } from "@/lib/auth/safe-next-path";
import type { PageViewer } from "@/lib/auth/page-viewer";
import { useViewer } from "@/lib/client/use-viewer";
import { catalog as t } from "@/lib/i18n/ko/catalog";
import styles from "./queue-entry-link.module.css";

export function QueueEntryLink({ concertId, fromServer }: { concertId: string; fromServer: PageViewer }) {
  const viewer = useViewer(fromServer);
  const queuePath = `/concerts/${concertId}/queue`;
  const isVisitor = viewer === null;
  return (
    <>
      <Link href={isVisitor ? withNext("/sign-in", queuePath) : queuePath} className="btn btn--accent btn--large btn--block">
        {isVisitor ? t.concert.ctaSignIn : t.concert.cta}
      </Link>
      {/* One line in every state, so the notice under it never moves. */}
      <p className={`muted small ${styles.hint}`} aria-hidden={viewer === undefined ? true : undefined}>
        {viewer === undefined ? "\u00a0" : viewer ? t.concert.ctaSignedInHint(viewer.name) : t.concert.ctaSignInHint}
      </p>
    </>
  );
}
