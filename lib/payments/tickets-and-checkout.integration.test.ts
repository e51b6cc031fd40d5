import { describe, expect, it } from "vitest";
import { POST as payRoute } from "@/app/api/payments/route";
import { GET as entriesRoute } from "@/app/api/wallet/entries/route";
import { db } from "@/lib/db";
import { listCheckoutHolds } from "@/lib/payments/list-checkout-holds";
import { listTickets } from "@/lib/payments/list-tickets";
import { createHolds } from "@/lib/testing/holds";
import { call, testRequest } from "@/lib/testing/http";
import { createPayingFan, payRequest } from "@/lib/testing/payments";

describe("checkout holds and my tickets", () => {
  it("shows live holds at checkout and, once paid, the tickets grouped by concert and date", async () => {
    const fan = await createPayingFan(db(), { seatNumbers: [12, 2], balance: 1_000_000 });
    await createHolds(db(), { userId: fan.userId, performanceId: fan.performanceId, seatNumbers: [5], expiresInMs: -1_000 });

    const checkout = await listCheckoutHolds(db(), { userId: fan.userId, concertId: fan.concertId });
    expect(checkout!.concert).toEqual({ id: fan.concertId, title: expect.any(String), artist: expect.any(String), venue: expect.any(String) });
    expect(checkout!.holds.map((hold) => [hold.seatNumber, hold.grade, hold.price])).toEqual([[2, "VIP", 150_000], [12, "R", 110_000]]);
    expect(Date.parse(checkout!.serverNow)).toBeLessThan(Date.parse(checkout!.holds[0]!.expiresAt));
    expect(await listTickets(db(), { userId: fan.userId })).toEqual([]);

    const paid = await call(payRoute, payRequest({ cookie: fan.cookie, token: fan.token, reservationIds: checkout!.holds.map((hold) => hold.reservationId) }));
    expect(paid.status).toBe(201);

    expect((await listCheckoutHolds(db(), { userId: fan.userId, concertId: fan.concertId }))!.holds).toEqual([]);
    const tickets = await listTickets(db(), { userId: fan.userId });
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ concertId: fan.concertId, performances: [{ performanceId: fan.performanceId }] });
    expect(tickets[0]!.performances[0]!.tickets.map((ticket) => ticket.seatNumber)).toEqual([2, 12]);

    const history = await (await call(entriesRoute, testRequest("GET", "/api/wallet/entries", { cookie: fan.cookie }))).json();
    expect(history.entries[0]).toMatchObject({ type: "PAYMENT", amount: -260_000, seatCount: 2, concertTitle: tickets[0]!.title });
  });

  it("is null for an unknown concert", async () => {
    const fan = await createPayingFan(db());
    expect(await listCheckoutHolds(db(), { userId: fan.userId, concertId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });
});
