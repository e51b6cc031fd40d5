import Link from "next/link";
import { common } from "@/lib/i18n/ko/common";
import { catalog as t } from "@/lib/i18n/ko/catalog";

export default function ConcertNotFound() {
  return (
    <div className="container narrow stack-lg empty-state">
      <h1>{t.concert.notFoundTitle}</h1>
      <p className="muted">{t.concert.notFoundBody}</p>
      <Link href="/" className="btn btn--primary">{common.backHome}</Link>
    </div>
  );
}
