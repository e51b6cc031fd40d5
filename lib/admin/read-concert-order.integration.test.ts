// One order in the console: its seats and the fan's ledger entries of it
// (payment and refund), with the fan's latest entries around them.
import { describe, expect, it } from "vitest";
import { POST as refundRoute } from "@/app/api/admin/payments/[paymentId]/refund/route";
import { readConcertOrder } from "@/lib/admin/read-concert-order";
import { db } from "@/lib/db";
import { createConcert, signedInUser } from "@/lib/testing/fixtures";
import { call } from "@/lib/testing/http";
import { createTicketHolder, refundRequest } from "@/lib/testing/refunds";

describe("readConcertOrder", () => {
  it("gives the order's seats and its charge, payment and refund entries, newest first", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const fan = await createTicketHolder(db(), { seatNumbers: [1, 12], extra: 5_000 });
    const refunded = await call(refundRoute, refundRequest({ cookie: operator.cookie, paymentId: fan.paymentId }), { paymentId: fan.paymentId });
    expect(refunded.status).toBe(200);

    const found = await readConcertOrder(db(), { concertId: fan.concertId, paymentId: fan.paymentId });
    expect(found!.order).toMatchObject({ paymentId: fan.paymentId, amount: fan.total, status: "REFUNDED" });
    expect(found!.order.seats.map((seat) => seat.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(found!.ledger.map(({ type, amount, balanceAfter, isOfOrder }) => ({ type, amount, balanceAfter, isOfOrder }))).toEqual([
      { type: "REFUND", amount: fan.total, balanceAfter: fan.total + 5_000, isOfOrder: true },
      { type: "PAYMENT", amount: -fan.total, balanceAfter: 5_000, isOfOrder: true },
      { type: "CHARGE", amount: fan.total + 5_000, balanceAfter: fan.total + 5_000, isOfOrder: false },
    ]);
  });

  it("finds no order for a payment of another concert", async () => {
    const fan = await createTicketHolder(db());
    const { concertId } = await createConcert(db(), { performances: 1, seatsPerPerformance: 5 });
    expect(await readConcertOrder(db(), { concertId, paymentId: fan.paymentId })).toBeNull();
    expect(await readConcertOrder(db(), { concertId: fan.concertId, paymentId: fan.paymentId })).not.toBeNull();
  });
});
