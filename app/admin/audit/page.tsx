import type { Metadata } from "next";
import { AuditLog } from "@/components/admin/audit-log";
import { ConsoleHeader } from "@/components/admin/console-frame";
import styles from "@/components/admin/console.module.css";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { auditEntriesQuery } from "@/lib/audit/schemas";
import { readAdminConcerts } from "@/lib/admin/read-admin-concerts";
import { db } from "@/lib/db";
import { requirePageOperator } from "@/lib/http/page-session";
import { admin as t } from "@/lib/i18n/ko/admin";

export const metadata: Metadata = { title: t.audit.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminAuditPage({ searchParams }: Props) {
  await requirePageOperator("/admin/audit");
  const raw = await searchParams;
  // The API's own query schema; a filter or cursor that is not one shows the newest entries of everything.
  const query = auditEntriesQuery.safeParse({ cursor: raw.cursor || undefined, concertId: raw.concertId || undefined });
  const { cursor, concertId } = query.success ? query.data : {};
  const [page, concerts] = await Promise.all([listAuditEntries(db(), { cursor, concertId }), readAdminConcerts(db())]);
  const pageHref = (next: string | null) => {
    const params = new URLSearchParams();
    if (concertId) params.set("concertId", concertId);
    if (next) params.set("cursor", next);
    const search = params.toString();
    return search ? `/admin/audit?${search}` : "/admin/audit";
  };
  return (
    <>
      <ConsoleHeader title={t.audit.title} lead={t.audit.lead} />
      {/* A GET form: the filter works before any JavaScript and gives a shareable address. */}
      <form className={`card ${styles.filters}`} action="/admin/audit" method="get">
        <div className="field">
          <label htmlFor="audit-concert">{t.audit.filterLabel}</label>
          <select id="audit-concert" name="concertId" className="input" defaultValue={concertId ?? ""}>
            <option value="">{t.audit.filterAll}</option>
            {concerts.map((concert) => (
              <option key={concert.id} value={concert.id}>{concert.title}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn">{t.audit.filterSubmit}</button>
      </form>
      <AuditLog page={page} isFiltered={Boolean(concertId)} pageHref={pageHref} isFirstPage={!cursor} />
    </>
  );
}
