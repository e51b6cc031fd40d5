import { booking as t } from "@/lib/i18n/ko/booking";

// At least a screen tall: the page that replaces it always is, so the footer
// never shows here first and then jumps away (a layout shift on phones).
export default function Loading() {
  return (
    <div className="container stack-lg" role="status" aria-label={t.map.loading} style={{ minHeight: "100vh" }}>
      <div className="skeleton" style={{ height: "2.5rem", width: "min(420px, 80%)" }} />
      <div className="skeleton" style={{ height: "3.5rem" }} />
      <div className="skeleton" style={{ height: "22rem" }} />
    </div>
  );
}
