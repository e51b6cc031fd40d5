"use client";

import Link from "next/link";
import { common as t } from "@/lib/i18n/ko/common";

/** Any page that fails to render: say so plainly and offer a retry. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="container narrow stack-lg empty-state">
      <h1>{t.errorTitle}</h1>
      <p className="muted" role="alert">{t.genericError}</p>
      <div className="row">
        <button type="button" className="btn btn--primary" onClick={reset}>{t.retry}</button>
        <Link href="/" className="btn">{t.backHome}</Link>
      </div>
    </div>
  );
}
