import type { Metadata } from "next";
import { requireConsoleConcert } from "@/app/admin/concerts/[concertId]/concert-page";
import { ConcertTabs } from "@/components/admin/concert-tabs";
import { ConsoleHeader } from "@/components/admin/console-frame";
import { admin } from "@/lib/i18n/ko/admin";

export const metadata: Metadata = { title: admin.concertNav.orders };

type Props = { params: Promise<{ concertId: string }> };

export default async function ConcertOrdersPage({ params }: Props) {
  const concert = await requireConsoleConcert((await params).concertId, "/orders");
  return (
    <>
      <ConsoleHeader title={concert.title} eyebrow={admin.concertNav.orders} />
      <ConcertTabs concertId={concert.id} />
      <p className="card muted">{admin.comingSoon}</p>
    </>
  );
}
