import type { Metadata } from "next";
import { requireConsoleConcert } from "@/app/admin/concerts/[concertId]/concert-page";
import { AuditLog } from "@/components/admin/audit-log";
import { ConcertTabs } from "@/components/admin/concert-tabs";
import { ConsoleHeader } from "@/components/admin/console-frame";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { auditEntriesQuery } from "@/lib/audit/schemas";
import { db } from "@/lib/db";
import { admin } from "@/lib/i18n/ko/admin";

export const metadata: Metadata = { title: admin.audit.title };

type Props = { params: Promise<{ concertId: string }>; searchParams: Promise<{ cursor?: string }> };

export default async function ConcertAuditPage({ params, searchParams }: Props) {
  const [{ concertId }, raw] = await Promise.all([params, searchParams]);
  const concert = await requireConsoleConcert(concertId, "/audit");
  const query = auditEntriesQuery.safeParse({ cursor: raw.cursor || undefined });
  const cursor = query.success ? query.data.cursor : undefined;
  const page = await listAuditEntries(db(), { concertId: concert.id, cursor });
  const base = `/admin/concerts/${concert.id}/audit`;
  return (
    <>
      <ConsoleHeader title={concert.title} lead={admin.audit.lead} eyebrow={admin.audit.title} />
      <ConcertTabs concertId={concert.id} />
      <AuditLog page={page} isFiltered pageHref={(next) => (next ? `${base}?cursor=${next}` : base)} isFirstPage={!cursor} />
    </>
  );
}
