import type { ReactNode } from "react";
import { common } from "@/lib/i18n/ko/common";

/**
 * A page's loading state: its real heading, so nothing jumps when the page
 * arrives, "loading" for screen readers, and the page's skeleton below.
 */
export function LoadingPage({ eyebrow, title, children }: { eyebrow: string; title: string; children: ReactNode }) {
  return (
    <div className="container" aria-busy="true">
      <header className="page-header">
        <p className="eyebrow">{eyebrow}</p>
        <h1>{title}</h1>
        <p className="visually-hidden" role="status">{common.loading}</p>
      </header>
      {children}
    </div>
  );
}
