import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import type { RoomSettings } from "@/lib/queue/schemas";

type RoomSettingsFields = Omit<RoomSettings, "opensAt"> & { opensAt: Date };

export function toRoomSettings(room: RoomSettingsFields): RoomSettings {
  return { ...room, opensAt: room.opensAt.toISOString() };
}

/** The operator settings of a concert's waiting room; null for an unknown concert. */
export async function getRoomSettings(db: Db, options: { concertId: string }): Promise<RoomSettings | null> {
  if (!z.uuid().safeParse(options.concertId).success) return null;
  const room = await db.waitingRoom.findUnique({
    where: { concertId: options.concertId },
    select: {
      concertId: true,
      capacity: true,
      admissionRatePerMinute: true,
      admissionWindowSeconds: true,
      claimWindowSeconds: true,
      opensAt: true,
    },
  });
  return room ? toRoomSettings(room) : null;
}
