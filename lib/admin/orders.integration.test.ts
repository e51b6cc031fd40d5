import { describe, expect, it } from "vitest";
import { GET as ordersRoute } from "@/app/api/admin/concerts/[concertId]/orders/route";
import { GET as csvRoute } from "@/app/api/admin/concerts/[concertId]/orders.csv/route";
import { listConcertOrders } from "@/lib/admin/list-concert-orders";
import { db } from "@/lib/db";
import { createConcert, createUser, signedInUser } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";
import { recordSale } from "@/lib/testing/sales";

async function orders(cookie: string, concertId: string, query = "") {
  const response = await call(ordersRoute, testRequest("GET", `/api/admin/concerts/${concertId}/orders${query}`, { cookie }), { concertId });
  return { status: response.status, body: await response.json() };
}

describe("GET /api/admin/concerts/{id}/orders and orders.csv", () => {
  it("lists the concert's orders newest first with their seats, pages by cursor and searches by email or seat label", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const { concertId, performanceIds } = await createConcert(db(), { performances: 2, seatsPerPerformance: 20 });
    const other = await createConcert(db(), { performances: 1, seatsPerPerformance: 5 });
    const first = await createUser(db(), { email: `first-${crypto.randomUUID()}@example.test` });
    const second = await createUser(db(), { email: `=cmd|' /C calc'!A0-${crypto.randomUUID()}@example.test` });
    const older = await recordSale(db(), { userId: first.id, performanceId: performanceIds[0]!, seatNumbers: [1, 11] });
    const newer = await recordSale(db(), { userId: second.id, performanceId: performanceIds[1]!, seatNumbers: [20] });
    await recordSale(db(), { userId: first.id, performanceId: other.performanceIds[0]!, seatNumbers: [1] });
    await db().$executeRaw`UPDATE payments SET created_at = now() - interval '1 minute' WHERE id = ${older.paymentId}::uuid`;

    const { status, body } = await orders(operator.cookie, concertId);
    expect(status).toBe(200);
    expect(body.orders.map((order: { paymentId: string }) => order.paymentId)).toEqual([newer.paymentId, older.paymentId]);
    expect(body.orders[1]).toMatchObject({
      userEmail: first.email, amount: 150_000 + 110_000, status: "COMPLETED",
      seats: [
        { label: "VIP석 A열 1번", performanceId: performanceIds[0], price: 150_000, status: "CONFIRMED" },
        { label: "R석 B열 1번", performanceId: performanceIds[0], price: 110_000, status: "CONFIRMED" },
      ],
    });
    expect(body.nextCursor).toBeNull();

    const page1 = await listConcertOrders(db(), { concertId, limit: 1 });
    const page2 = await listConcertOrders(db(), { concertId, limit: 1, cursor: page1.nextCursor! });
    expect([...page1.orders, ...page2.orders].map((order) => order.paymentId)).toEqual([newer.paymentId, older.paymentId]);
    expect(page2.nextCursor).toBeNull();

    expect((await orders(operator.cookie, concertId, `?q=${encodeURIComponent(first.email.toUpperCase())}`)).body.orders).toHaveLength(1);
    const byLabel = await orders(operator.cookie, concertId, `?q=${encodeURIComponent("r석 b열 10번")}`);
    expect(byLabel.body.orders.map((order: { paymentId: string }) => order.paymentId)).toEqual([newer.paymentId]);
    expect((await orders(operator.cookie, concertId, "?q=%25")).body.orders).toEqual([]);
    expect((await orders(operator.cookie, concertId, "?cursor=nope")).status).toBe(422);
  });

  it("exports one row per seat sold with a header, quoted and safe from spreadsheet formulas", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1, seatsPerPerformance: 20 });
    const fan = await createUser(db(), { email: `+evil-${crypto.randomUUID()}@example.test` });
    const sale = await recordSale(db(), { userId: fan.id, performanceId: performanceIds[0]!, seatNumbers: [2, 12] });
    const response = await call(csvRoute, testRequest("GET", `/api/admin/concerts/${concertId}/orders.csv`, { cookie: operator.cookie }), { concertId });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe('"paymentId","reservationId","paidAt","userEmail","concert","performanceStartsAt","seat","section","row","seatInRow","grade","price"');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"${sale.paymentId}"`);
    expect(lines[1]).toContain(`"'${fan.email}"`);
    expect(lines[1]).toContain('"VIP석 A열 2번","VIP석","A",2,"VIP",150000');
    expect(lines[2]).toContain('"R석 B열 2번","R석","B",2,"R",110000');

    const unknown = "00000000-0000-4000-8000-000000000000";
    const missing = await call(csvRoute, testRequest("GET", `/api/admin/concerts/${unknown}/orders.csv`, { cookie: operator.cookie }), { concertId: unknown });
    expect(missing.status).toBe(404);
  });
});
