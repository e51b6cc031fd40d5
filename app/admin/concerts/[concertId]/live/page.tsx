import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireConsoleConcert } from "@/app/admin/concerts/[concertId]/concert-page";
import { ConcertTabs } from "@/components/admin/concert-tabs";
import { ConsoleHeader } from "@/components/admin/console-frame";
import { LiveView } from "@/components/admin/live/live-view";
import { readLiveSnapshot } from "@/lib/admin/live-snapshot";
import { db } from "@/lib/db";
import { admin } from "@/lib/i18n/ko/admin";

export const metadata: Metadata = { title: admin.live.title };

type Props = { params: Promise<{ concertId: string }> };

export default async function ConcertLivePage({ params }: Props) {
  const concert = await requireConsoleConcert((await params).concertId, "/live");
  const live = await readLiveSnapshot(db(), concert.id);
  if (!live) notFound();
  return (
    <>
      <ConsoleHeader title={concert.title} lead={admin.live.lead} eyebrow={admin.live.title} />
      <ConcertTabs concertId={concert.id} />
      <LiveView concertId={concert.id} initial={live} />
    </>
  );
}
