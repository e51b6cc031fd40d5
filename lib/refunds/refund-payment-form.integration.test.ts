import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { runFormAction } from "@/lib/actions/form-action";
import { IDEMPOTENCY_KEY_FIELD } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import { formatWon } from "@/lib/i18n/format";
import { admin } from "@/lib/i18n/ko/admin";
import { forms } from "@/lib/i18n/ko/forms";
import { cancelTicketForm } from "@/lib/refunds/cancel-ticket-form";
import { refundPaymentForm } from "@/lib/refunds/refund-payment-form";
import type { RefundPaymentResponse } from "@/lib/refunds/schemas";
import { signedInUser } from "@/lib/testing/fixtures";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import { createTicketHolder } from "@/lib/testing/refunds";

const t = admin.orders;

function sessionOf(cookiePair: string): string {
  return decodeURIComponent(cookiePair.slice(cookiePair.indexOf("=") + 1));
}

function refund(session: string, paymentId: string, options: { key?: string; reason?: string } = {}) {
  const formData = new FormData();
  formData.append(IDEMPOTENCY_KEY_FIELD, options.key ?? randomUUID());
  formData.append("paymentId", paymentId);
  formData.append("reason", options.reason ?? "공연 취소 요청");
  return runFormAction(refundPaymentForm, { formData, sessionCookie: session });
}

async function operatorSession(): Promise<string> {
  return sessionOf((await signedInUser(db(), "ADMIN")).cookie);
}

/** The seats' labels in the order the refund answers them (date, then seat number). */
async function labelsOf(reservationIds: string[]): Promise<string[]> {
  const rows = await db().reservation.findMany({
    where: { id: { in: reservationIds } },
    select: { seat: { select: { label: true, number: true } } },
  });
  return rows.toSorted((a, b) => a.seat.number - b.seat.number).map((row) => row.seat.label);
}

async function refundCount(paymentId: string): Promise<number> {
  return db().refund.count({ where: { paymentId } });
}

afterEach(async () => {
  expect(await countInvariantViolations(db())).toEqual(NO_VIOLATIONS);
});

describe("the console's refund action", () => {
  it("refunds the whole order and says which seats and how much came back, and the page re-reads it", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [3, 1] });
    const outcome = await refund(await operatorSession(), holder.paymentId);
    expect(outcome.state.status).toBe("done");
    const labels = await labelsOf(holder.reservationIds);
    expect(labels).toHaveLength(2);
    expect(outcome.state.notice).toBe(t.refunded(formatWon(holder.total), labels));
    expect(outcome.state.notice).toContain(`(2석), ${formatWon(holder.total)}을`);
    expect((outcome.state.result as RefundPaymentResponse).refund.amount).toBe(holder.total);
    expect(outcome.isPageStale).toBe(true);
  });

  it("names only the seats still sold when the fan had cancelled one of them", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [1, 2] });
    const [cancelled, kept] = holder.reservationIds as [string, string];
    const cancelForm = new FormData();
    cancelForm.append(IDEMPOTENCY_KEY_FIELD, randomUUID());
    cancelForm.append("reservationId", cancelled);
    expect((await runFormAction(cancelTicketForm, { formData: cancelForm, sessionCookie: sessionOf(holder.cookie) })).state.status).toBe("done");

    const outcome = await refund(await operatorSession(), holder.paymentId);
    const [keptLabel] = await labelsOf([kept]);
    const keptPrice = (outcome.state.result as RefundPaymentResponse).reservations.map((seat) => seat.price);
    expect(keptPrice).toHaveLength(1);
    expect(outcome.state.notice).toBe(t.refunded(formatWon(keptPrice[0]!), [keptLabel!]));
    expect(outcome.state.notice).toContain("(1석)");
  });

  it("refuses an order refunded meanwhile, keeps the reason typed, and has the page re-read the order", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [1] });
    const session = await operatorSession();
    expect((await refund(session, holder.paymentId)).state.status).toBe("done");
    const again = await refund(session, holder.paymentId, { reason: "두 번째 환불" });
    expect(again.state).toMatchObject({ status: "failed", formError: t.alreadyRefunded, notice: null, values: { reason: "두 번째 환불" } });
    expect(again.isPageStale).toBe(true);
    expect(await refundCount(holder.paymentId)).toBe(1);
  });

  it("refunds nothing for a fan, or without a reason, and leaves the page as it is", async () => {
    const holder = await createTicketHolder(db(), { seatNumbers: [1] });
    const byFan = await refund(sessionOf(holder.cookie), holder.paymentId);
    expect(byFan.state.formError).toBe(forms.operatorsOnly);
    expect(byFan.isPageStale).toBe(false);
    const noReason = await refund(await operatorSession(), holder.paymentId, { reason: " " });
    expect(noReason.state.fieldErrors).toEqual({ reason: admin.reason.invalid });
    expect(noReason.isPageStale).toBe(false);
    expect(await refundCount(holder.paymentId)).toBe(0);
  });
});
