import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { runFormAction } from "@/lib/actions/form-action";
import { IDEMPOTENCY_KEY_FIELD } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import { forms } from "@/lib/i18n/ko/forms";
import { payments } from "@/lib/i18n/ko/payments";
import { cancelTicketForm } from "@/lib/refunds/cancel-ticket-form";
import type { CancelTicketResponse } from "@/lib/refunds/schemas";
import { createUser, sessionCookieFor } from "@/lib/testing/fixtures";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { createTicketHolder } from "@/lib/testing/refunds";
import { listWalletEntries } from "@/lib/wallet/list-wallet-entries";

const t = payments.tickets.cancel;

function sessionOf(cookiePair: string): string {
  return decodeURIComponent(cookiePair.slice(cookiePair.indexOf("=") + 1));
}

function cancel(session: string | undefined, reservationId: string, key = randomUUID()) {
  const formData = new FormData();
  formData.append(IDEMPOTENCY_KEY_FIELD, key);
  formData.append("reservationId", reservationId);
  return runFormAction(cancelTicketForm, { formData, sessionCookie: session });
}

async function refundEntries(userId: string) {
  return (await listWalletEntries(db(), { userId })).entries.filter((entry) => entry.type === "REFUND");
}

async function statusOf(reservationId: string) {
  return (await db().reservation.findUniqueOrThrow({ where: { id: reservationId } })).status;
}

afterEach(async () => {
  expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
});

describe("내 티켓's cancel action", () => {
  it("cancels nothing without a session, and nothing of another fan's", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [1] });
    const ticket = holder.reservationIds[0]!;
    expect((await cancel(undefined, ticket)).state.formError).toBe(forms.signedOut);
    const other = await createUser(db());
    const stranger = await cancel(sessionOf(await sessionCookieFor(db(), other.id)), ticket);
    expect(stranger.state.formError).toBe(forms.errors.NOT_FOUND);
    expect(stranger.isPageStale).toBe(false);
    expect(await statusOf(ticket)).toBe("CONFIRMED");
  });

  it("refunds the fan's own ticket once for a double submit with one key, and says what came back", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [1, 2] });
    const [ticket, kept] = holder.reservationIds as [string, string];
    const session = sessionOf(holder.cookie);
    const key = randomUUID();
    const [first, second] = [await cancel(session, ticket, key), await cancel(session, ticket, key)];
    expect(first.state.status).toBe("done");
    expect(second.state.notice).toBe(first.state.notice);
    const refunds = await refundEntries(holder.userId);
    expect(refunds).toHaveLength(1);
    const label = (first.state.result as CancelTicketResponse).reservation.label;
    expect(first.state.notice).toBe(t.done(label, refunds[0]!.amount, refunds[0]!.balanceAfter));
    expect(await statusOf(ticket)).toBe("CANCELLED");
    expect(await statusOf(kept)).toBe("CONFIRMED");
  });

  it("says booking has closed for a ticket whose date stopped taking bookings, and has the page re-read the list", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [1] });
    const ticket = holder.reservationIds[0]!;
    const { performanceId } = await db().reservation.findUniqueOrThrow({ where: { id: ticket }, select: { performanceId: true } });
    await db().$executeRaw`
      UPDATE performances SET booking_opens_at = now() - interval '2 days', booking_closes_at = now() - interval '1 minute'
      WHERE id = ${performanceId}::uuid`;
    const refused = await cancel(sessionOf(holder.cookie), ticket);
    expect(refused.state).toMatchObject({ status: "failed", formError: t.errors.closed, values: { reservationId: ticket } });
    expect(refused.isPageStale).toBe(true);
    expect(await statusOf(ticket)).toBe("CONFIRMED");
  });

  it("refuses the key of one ticket's cancellation for another ticket", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [1, 2] });
    const [ticket, other] = holder.reservationIds as [string, string];
    const session = sessionOf(holder.cookie);
    const key = randomUUID();
    await cancel(session, ticket, key);
    expect((await cancel(session, other, key)).state.formError).toBe(forms.staleForm);
    expect(await statusOf(other)).toBe("CONFIRMED");
  });

  it("says a ticket is cancelled already when a new form asks again", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [1] });
    const session = sessionOf(holder.cookie);
    await cancel(session, holder.reservationIds[0]!);
    const again = await cancel(session, holder.reservationIds[0]!);
    expect(again.state).toMatchObject({ status: "failed", formError: t.errors.alreadyCancelled, values: { reservationId: holder.reservationIds[0] } });
    // The page re-reads the list with the refusal, so the message arrives with the ticket gone from it.
    expect(again.isPageStale).toBe(true);
    expect(await refundEntries(holder.userId)).toHaveLength(1);
  });
});
