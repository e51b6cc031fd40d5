// The on-sale model's commands about places in line: a fan joins, polls and
// leaves a concert's line; the operator pauses and resumes it; time passes;
// the cron runs.
import { expect } from "vitest";
import { expectError, FanCommand, NO_TOKEN, SystemCommand, takeToken, type FanContext, type Real } from "./command-kit";
import { endLapsed, expireStaleHolds, isAdmittedLive, liveAdmittedCount, refreshRoom, settleRoom, type OnSaleModel } from "./on-sale-model";
import { CONCERT_NAMES, ROOM, runCron, setRoomPaused, shiftTimeBack } from "./on-sale-system";

export class Join extends FanCommand {
  async act(model: OnSaleModel, { turn, client }: FanContext) {
    const answer = await client.join(this.concert);
    const room = model.concerts[this.concert]!;
    refreshRoom(model, this.concert);
    endLapsed(model, this.concert, turn);
    const isNew = turn.place !== "WAITING" && turn.place !== "ADMITTED";
    expect(answer.status, JSON.stringify(answer.body)).toBe(isNew ? 201 : 200);
    const body = answer.body as { status: string; ticket: number; token: string };
    if (isNew) {
      expect(body.ticket).toBeGreaterThan(room.lastTicket);
      room.lastTicket = body.ticket;
      Object.assign(turn, { place: "WAITING", ticket: body.ticket, endReason: undefined, isClaimed: false });
      // A newcomer to a room with a free place is let in at once.
      if (liveAdmittedCount(model, this.concert) < ROOM.capacity) settleRoom(model, this.concert);
    }
    expect(body).toMatchObject({ status: turn.place, ticket: turn.ticket });
    await takeToken(model, turn, body.token);
  }
  toString = () => `Join(${this.who})`;
}

export class Poll extends FanCommand {
  async act(model: OnSaleModel, { turn, client }: FanContext) {
    const answer = await client.poll(this.concert, turn.token);
    if (!turn.token) return expectError(answer, NO_TOKEN);
    refreshRoom(model, this.concert);
    if (turn.place === "ADMITTED" && !isAdmittedLive(model, turn)) {
      // A lapsed turn nobody has ended yet: a token that carries its admission end is answered from the token alone.
      if (turn.tokenHasAdmission) expect(answer.body).toMatchObject({ status: "ADMITTED" });
      else expectError(answer, { status: 410, code: "QUEUE_TOKEN_EXPIRED" });
      return;
    }
    if (turn.place === "ENDED") {
      // A token that carries its admission end is answered from the token alone;
      // after the test moved the database's time, only the token's own end is real time.
      const maySayAdmitted = turn.tokenHasAdmission && model.now > turn.tokenIssuedAt && answer.status === 200;
      if (maySayAdmitted) expect(answer.body).toMatchObject({ status: "ADMITTED" });
      else expectError(answer, { status: 410, code: "QUEUE_TOKEN_EXPIRED" });
      return;
    }
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const body = answer.body as { status: string; token?: string };
    expect(body.status).toBe(turn.place);
    if (body.token) await takeToken(model, turn, body.token);
  }
  toString = () => `Poll(${this.who})`;
}

export class Leave extends FanCommand {
  async act(_model: OnSaleModel, { turn, client }: FanContext) {
    const answer = await client.leave(this.concert, turn.token);
    if (!turn.token) return expectError(answer, NO_TOKEN);
    expect(answer.status).toBe(204);
    if (turn.place === "WAITING" || turn.place === "ADMITTED") Object.assign(turn, { place: "ENDED", endReason: "LEFT" });
  }
  toString = () => `Leave(${this.who})`;
}

/** The operator pauses or resumes admission to one concert's line; the model says when it moves again. */
export class PauseRoom extends SystemCommand {
  constructor(
    readonly concert: number,
    readonly isPaused: boolean,
  ) {
    super();
  }
  override check = (model: Readonly<OnSaleModel>) => model.concerts[this.concert]!.isPaused !== this.isPaused;
  async act(model: OnSaleModel, real: Real) {
    const answer = await setRoomPaused(real.system, this.concert, this.isPaused);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ room: { isPaused: this.isPaused } });
    model.concerts[this.concert]!.isPaused = this.isPaused;
  }
  toString = () => `${this.isPaused ? "PauseRoom" : "ResumeRoom"}(${CONCERT_NAMES[this.concert]})`;
}

/** Time passes: holds run out, admission and claim windows close (the database's rows move back in time). */
export class AdvanceTime extends SystemCommand {
  constructor(readonly seconds: number) {
    super();
  }
  async act(model: OnSaleModel, real: Real) {
    await shiftTimeBack(real.system, this.seconds);
    real.clock.advance(this.seconds * 1000);
    model.now += this.seconds;
  }
  toString = () => `AdvanceTime(${this.seconds} s)`;
}

/** The once-a-minute job, over every concert: expired holds marked, lapsed turns ended, the lines moved on. */
export class RunCron extends SystemCommand {
  async act(model: OnSaleModel) {
    const answer = await runCron();
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expireStaleHolds(model);
    model.concerts.forEach((room, concert) => {
      endLapsed(model, concert);
      if (room.lastTicket > room.servingCounter) settleRoom(model, concert);
    });
  }
  toString = () => "RunCron";
}
