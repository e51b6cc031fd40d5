import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { admitNowAction, pauseRoomAction, updateRoomAction } from "@/app/admin/concerts/[concertId]/room/actions";
import { requireConsoleConcert } from "@/app/admin/concerts/[concertId]/concert-page";
import { ConcertTabs } from "@/components/admin/concert-tabs";
import { ConsoleHeader } from "@/components/admin/console-frame";
import { AdmitNowForm, PauseForm, RoomSettingsForm } from "@/components/admin/room/room-forms";
import styles from "@/components/admin/room/room.module.css";
import { db } from "@/lib/db";
import { admin } from "@/lib/i18n/ko/admin";
import { readAdminRoom } from "@/lib/queue/read-admin-room";

const t = admin.room;

export const metadata: Metadata = { title: t.title };

type Props = { params: Promise<{ concertId: string }> };

export default async function AdminRoomPage({ params }: Props) {
  const concert = await requireConsoleConcert((await params).concertId, "/room");
  const room = await readAdminRoom(db(), concert.id);
  if (!room) notFound();
  const counts = [
    [t.counts.waiting, room.waiting],
    [t.counts.admitted, room.admitted],
    [t.counts.servingCounter, room.servingCounter],
    [t.counts.lastTicket, room.lastTicket],
  ] as const;
  return (
    <>
      <ConsoleHeader title={concert.title} lead={t.lead} eyebrow={t.title} />
      <ConcertTabs concertId={concert.id} />
      <p className={`alert ${room.isPaused ? "alert--warning" : "alert--success"}`} role="status">{room.isPaused ? t.paused : t.running}</p>
      <dl className={styles.stats}>
        {counts.map(([label, value]) => (
          <div key={label} className={styles.stat}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString("ko-KR")}</dd>
          </div>
        ))}
      </dl>
      <div className={styles.columns}>
        <section className="card stack" aria-labelledby="room-settings">
          <h2 id="room-settings">{t.settingsTitle}</h2>
          <RoomSettingsForm action={updateRoomAction} concertId={concert.id} room={room} />
        </section>
        <div className="stack-lg">
          <section className="card stack" aria-labelledby="room-pause">
            <h2 id="room-pause">{t.pauseTitle}</h2>
            <PauseForm action={pauseRoomAction} concertId={concert.id} isPaused={room.isPaused} />
          </section>
          <section className="card stack" aria-labelledby="room-admit">
            <h2 id="room-admit">{t.admitTitle}</h2>
            <p className="muted small">{t.admitLead}</p>
            <AdmitNowForm action={admitNowAction} concertId={concert.id} />
          </section>
        </div>
      </div>
    </>
  );
}
