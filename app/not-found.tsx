import Link from "next/link";
import { common as t } from "@/lib/i18n/ko/common";

export default function NotFound() {
  return (
    <div className="container narrow stack-lg empty-state">
      <h1>{t.notFoundTitle}</h1>
      <p className="muted">{t.notFoundBody}</p>
      <Link href="/" className="btn btn--primary">{t.backHome}</Link>
    </div>
  );
}
