// After every command of the on-sale model test: the rows agree with the
// model, and the invariants hold.
import { expect } from "vitest";
import { countInvariantViolations, NO_VIOLATIONS } from "@/lib/testing/ledger";
import type { Real } from "./command-kit";
import type { OnSaleModel } from "./on-sale-model";
import { readRows, ROOM } from "./on-sale-system";

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/** The rows agree with the model, and the invariants hold. */
export async function expectAgreement(model: OnSaleModel, real: Real): Promise<void> {
  const { system } = real;
  const rows = await readRows(system);
  const userIndex = new Map(system.fans.map((fan, index) => [fan.userId, index]));
  const fanOf = (userId: string) => userIndex.get(userId)!;
  const concertIndex = new Map(system.concerts.map((concert, index) => [concert.concertId, index]));
  const concertOf = (concertId: string) => concertIndex.get(concertId)!;

  expect(
    rows.reservations
      .map((row) => ({ id: row.id, seatId: row.seatId, fan: fanOf(row.userId), concert: concertOf(row.concertId), status: row.status }))
      .sort(byId),
    "reservations",
  ).toEqual(model.reservations.map(({ id, seatId, fan, concert, status }) => ({ id, seatId, fan, concert, status })).sort(byId));

  for (const [index, fan] of model.fans.entries()) {
    const wallet = rows.wallets.find((row) => fanOf(row.userId) === index)!;
    expect({ fan: index, balance: wallet.balance, entrySum: wallet.entrySum }, "wallet").toEqual({
      fan: index,
      balance: fan.balance,
      entrySum: fan.balance,
    });
    expect(rows.payments.find((row) => fanOf(row.userId) === index)?.count ?? 0, `payments of fan ${index}`).toBe(fan.payments);
    for (const [concert, turn] of fan.turns.entries()) {
      if (!turn.tokenId) continue;
      const token = rows.tokens.find((row) => row.id === turn.tokenId)!;
      // The model does not predict every claim (a join or poll at the front claims too): it learns them, and checks that the guards made them.
      if (turn.isClaimed && token.status === "ADMITTED") expect(token.isClaimed, `fan ${index}'s turn in concert ${concert} is claimed`).toBe(true);
      if (token.isClaimed) turn.isClaimed = true;
      expect({ fan: index, concert: concertOf(token.concertId), ticket: token.ticket, status: token.status, endReason: token.endReason }, "queue token").toEqual({
        fan: index,
        concert,
        ticket: turn.ticket,
        status: turn.place,
        endReason: turn.place === "ENDED" ? turn.endReason : null,
      });
    }
  }
  for (const [concert] of model.concerts.entries()) {
    const tokens = rows.tokens.filter((row) => concertOf(row.concertId) === concert);
    expect(tokens.filter((row) => row.status === "WAITING" || row.status === "ADMITTED").length, "one live place per fan and concert at most").toBe(
      model.fans.filter((fan) => ["WAITING", "ADMITTED"].includes(fan.turns[concert]!.place)).length,
    );
    const room = rows.rooms.find((row) => concertOf(row.concertId) === concert)!;
    expect(room.liveAdmitted, `capacity of concert ${concert}`).toBeLessThanOrEqual(ROOM.capacity);
    expect(room.admittedOutOfOrder, `admission in ticket order in concert ${concert}`).toBe(0);
  }
  expect(await countInvariantViolations(system.db)).toEqual(NO_VIOLATIONS);
}
