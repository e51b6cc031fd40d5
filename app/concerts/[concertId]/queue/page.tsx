import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QueueRoom, type QueueOpenedAfter } from "@/components/queue/queue-room";
import { getConcert } from "@/lib/catalog/get-concert";
import { db } from "@/lib/db";
import { requirePageUser } from "@/lib/http/page-session";
import { queue as t } from "@/lib/i18n/ko/queue";

type Props = { params: Promise<{ concertId: string }>; searchParams: Promise<{ turn?: string | string[] }> };

export const metadata: Metadata = { title: t.metaTitle };

/** `?turn=ended`: sent back from booking because the turn is over; `?turn=left`: the fan left the line here. */
function openedAfter(turn: string | string[] | undefined): QueueOpenedAfter | null {
  if (turn === "ended") return "turnEnded";
  if (turn === "left") return "left";
  return null;
}

/** The waiting room: signed-in fans only (others sign in and come back here). */
export default async function QueuePage({ params, searchParams }: Props) {
  const { concertId } = await params;
  const { turn } = await searchParams;
  await requirePageUser(`/concerts/${concertId}/queue`);
  const concert = await getConcert(db(), { concertId });
  if (!concert) notFound();
  return (
    <QueueRoom
      concert={{ id: concert.id, title: concert.title, artist: concert.artist, venue: concert.venue }}
      openedAfter={openedAfter(turn)}
    />
  );
}
