import { z } from "zod";
import { reasonSchema } from "@/lib/audit/schemas";
import { POLL_JITTER_RATIO, VERY_FAR_POLL_AFTER_MS } from "@/lib/queue/admission-math";
import { counterSchema } from "@/lib/validation/bounded-integers";

export const concertIdParams = z.object({ concertId: z.uuid() });

export const queueStatusQuery = z.object({
  concertId: z
    .uuid()
    .optional()
    .describe("Picks the web UI's queue cookie of this concert. The X-Queue-Token header, when sent, always wins."),
});

export const leaveQueueQuery = queueStatusQuery;

const isoDateTime = z.iso.datetime();

/** The least and the most a status answer suggests waiting before the next poll (jitter included). */
const MIN_POLL_AFTER_MS = 1_000;
const MAX_POLL_AFTER_MS = Math.round(VERY_FAR_POLL_AFTER_MS * (1 + POLL_JITTER_RATIO));

/** How long an admitted fan may shop, and may take to show up (the database refuses less). */
export const admissionWindowSecondsSchema = z.number().int().min(60).max(6 * 60 * 60);
export const claimWindowSecondsSchema = z.number().int().min(10).max(30 * 60);

export const queueStatusSchema = z
  .object({
    token: z
      .string()
      .optional()
      .describe("A fresh token to use from now on; sent when the place changed in a way the old token cannot tell (admitted, or a ticket drawn at opening)."),
    concertId: z.string(),
    status: z.enum(["WAITING", "ADMITTED"]),
    position: counterSchema.describe("Place in line, 1 = next; 0 when admitted. Before opening (isPrequeued), how many fans are in the pre-queue."),
    ahead: counterSchema.nullable().describe("Fans ahead (position − 1); null in the pre-queue, where the order is drawn at opening."),
    etaSeconds: counterSchema.nullable().describe("Estimated wait from the measured admission rate; null when admitted or before opening."),
    pollAfterMs: z.number().int().min(MIN_POLL_AFTER_MS).max(MAX_POLL_AFTER_MS).describe("Suggested delay before the next status poll."),
    admittedUntil: isoDateTime.nullable().describe("When the admitted fan's turn ends."),
    ticket: counterSchema.min(1).nullable().describe("The fan's ticket number; null until drawn at opening."),
    isPrequeued: z.boolean().describe("The room has not opened yet; places are drawn at random among everyone pre-queued when it opens."),
    opensAt: isoDateTime,
    soldOut: z.boolean().describe("Every seat of the concert is sold."),
    isPaused: z.boolean().describe("An addition: an operator paused admission. Nobody is admitted meanwhile; every place in line is kept."),
    servingCounter: counterSchema.describe("Tickets up to this number have been admitted."),
    lastTicket: counterSchema.describe("The highest ticket handed out so far."),
  })
  .meta({ id: "QueueStatus" });

export type QueueStatus = z.infer<typeof queueStatusSchema>;

/** The join answer always carries the token. */
export const joinQueueResponse = queueStatusSchema.extend({ token: z.string() }).meta({ id: "QueueJoin" });

export type JoinQueueResult = z.infer<typeof joinQueueResponse>;

const MAX_ROOM_CAPACITY = 100_000;
const MAX_ADMISSION_RATE_PER_MINUTE = 600_000;


export const roomSettingsUpdate = z
  .object({
    capacity: z.number().int().min(1).max(MAX_ROOM_CAPACITY).optional(),
    admissionRatePerMinute: z.number().int().min(1).max(MAX_ADMISSION_RATE_PER_MINUTE).optional(),
    admissionWindowSeconds: admissionWindowSecondsSchema.optional(),
    claimWindowSeconds: claimWindowSecondsSchema.optional(),
    opensAt: z.coerce.date().optional(),
    isPaused: z.boolean().optional().describe("true admits nobody new (waiting fans keep their places); false resumes."),
    reason: reasonSchema,
  })
  .strict()
  .refine(
    ({ reason: _reason, ...settings }) => Object.values(settings).some((value) => value !== undefined),
    "Change at least one setting.",
  )
  .meta({ id: "WaitingRoomSettingsUpdate" });

/** A waiting room as the operator console sees it: its settings and its line, counted exactly. */
export const adminRoomSchema = z
  .object({
    capacity: z.number().int().min(1).max(MAX_ROOM_CAPACITY),
    admissionRatePerMinute: z.number().int().min(1).max(MAX_ADMISSION_RATE_PER_MINUTE),
    admissionWindowSeconds: admissionWindowSecondsSchema,
    claimWindowSeconds: claimWindowSecondsSchema,
    opensAt: isoDateTime,
    isPaused: z.boolean(),
    lastTicket: counterSchema.describe("The highest ticket handed out so far."),
    servingCounter: counterSchema.describe("Tickets up to this number have been admitted."),
    waiting: counterSchema.describe("Fans in line now (pre-queued ones included), exactly."),
    admitted: counterSchema.describe("Admitted fans whose turn is live, exactly."),
  })
  .meta({ id: "AdminWaitingRoom" });

export const adminRoomResponse = z.object({ room: adminRoomSchema }).meta({ id: "AdminWaitingRoomAnswer" });

/** An addition: the operator lets the next fans in now, beyond the rate cap but never beyond the capacity. */
export const admitNowInput = z
  .object({ count: z.number().int().min(1).max(MAX_ROOM_CAPACITY), reason: reasonSchema })
  .meta({ id: "AdmitNowInput" });

export const admitNowResponse = z
  .object({ admitted: counterSchema.describe("Fans admitted by this request: at most count, and no more than the free places."), room: adminRoomSchema })
  .meta({ id: "AdmitNowAnswer" });

export type AdminRoom = z.infer<typeof adminRoomSchema>;
export type AdmitNowInput = z.infer<typeof admitNowInput>;

export type RoomSettingsUpdate = z.infer<typeof roomSettingsUpdate>;
