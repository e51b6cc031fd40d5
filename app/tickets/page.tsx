import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { cancelTicketAction } from "@/app/tickets/actions";
import { TicketList } from "@/components/payments/ticket-list";
import { db } from "@/lib/db";
import { requirePageUser } from "@/lib/http/page-session";
import { payments } from "@/lib/i18n/ko/payments";
import { listTickets } from "@/lib/payments/list-tickets";

const t = payments.tickets;

export const metadata: Metadata = { title: t.metaTitle };

export default async function TicketsPage() {
  const user = await requirePageUser("/tickets");
  const concerts = await listTickets(db(), { userId: user.id });
  const count = concerts.flatMap((concert) => concert.performances).reduce((sum, performance) => sum + performance.tickets.length, 0);
  return (
    <div className="container">
      <header className="page-header">
        <p className="eyebrow">{t.eyebrow}</p>
        <div className="row row--between">
          <h1>{t.title}</h1>
          {count > 0 && <span className="badge badge--brand">{t.count(count)}</span>}
        </div>
        <p className="muted">{t.lead}</p>
      </header>
      <TicketList concerts={concerts} cancelAction={cancelTicketAction} idempotencyKey={randomUUID()} />
    </div>
  );
}
