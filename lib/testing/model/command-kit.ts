// What the commands of the on-sale model test share: the real side they act
// on, how they expect an answer, and the fan command's frame (act, then check
// that the rows agree with the model).
import type fc from "fast-check";
import { expect } from "vitest";
import { openQueueToken } from "@/lib/queue/token";
import { expectAgreement } from "./agreement";
import { isAdmittedLive, type FanModel, type OnSaleModel, type ReservationModel, type Turn } from "./on-sale-model";
import { CONCERT_NAMES, newKey, type Answer, type FanClient, type OnSaleSystem } from "./on-sale-system";

export type Real = {
  system: OnSaleSystem;
  clients: FanClient[];
  clock: { beforeCommand: () => void; advance: (ms: number) => void };
};

export type Command = fc.AsyncCommand<OnSaleModel, Real>;

export const NO_TOKEN = { status: 401, code: "INVALID_QUEUE_TOKEN" };

export function expectError(answer: Answer, expected: { status: number; code: string }): void {
  expect({ status: answer.status, code: (answer.body as { error?: { code?: string } } | null)?.error?.code }).toEqual(expected);
}

/** Expects the refusal when there is one (and answers false), else the status. */
export function expectRefusedOr(answer: Answer, refusal: { status: number; code: string } | null, status: number): boolean {
  if (refusal) {
    expectError(answer, refusal);
    return false;
  }
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return true;
}

/** Takes the token a join or a poll handed out, and what it carries. */
export async function takeToken(model: OnSaleModel, turn: Turn, token: string): Promise<void> {
  const claims = await openQueueToken(token);
  expect(claims).not.toBeNull();
  turn.token = token;
  turn.tokenId = claims!.tid;
  turn.tokenHasAdmission = claims!.adm !== undefined;
  turn.tokenIssuedAt = model.now;
}

/** A guard that admitted the fan claimed the turn (the first sign of life claims it). */
export function noteClaim(model: OnSaleModel, turn: Turn): void {
  if (isAdmittedLive(model, turn)) turn.isClaimed = true;
}

/** Sends a money request, then the same request again with its key: the retry gets the stored answer, or, after a refusal, the same refusal. */
export async function sentTwice(send: (key: string) => Promise<Answer>): Promise<Answer> {
  const key = newKey();
  const answer = await send(key);
  const retry = await send(key);
  expect(retry).toEqual(answer.status < 300 ? { ...answer, isReplay: true } : answer);
  return answer;
}

export type FanContext = { fan: FanModel; turn: Turn; client: FanClient; real: Real };

/** A request of one fan about one concert (the concert's token goes with it). */
export abstract class FanCommand implements Command {
  constructor(
    readonly fanIndex: number,
    readonly concert: number,
  ) {}
  check(_model: Readonly<OnSaleModel>): boolean {
    return true;
  }
  abstract act(model: OnSaleModel, context: FanContext): Promise<void>;
  async run(model: OnSaleModel, real: Real): Promise<void> {
    real.clock.beforeCommand();
    const fan = model.fans[this.fanIndex]!;
    await this.act(model, { fan, turn: fan.turns[this.concert]!, client: real.clients[this.fanIndex]!, real });
    await expectAgreement(model, real);
  }
  /** "fan 1, arena" */
  protected get who(): string {
    return `fan ${this.fanIndex}, ${CONCERT_NAMES[this.concert]}`;
  }
  abstract toString(): string;
}

/** A fan's request about one of the concert's reservations (the pick-th, theirs or another fan's). */
export abstract class ReservationCommand extends FanCommand {
  constructor(
    fanIndex: number,
    concert: number,
    readonly pick: number,
  ) {
    super(fanIndex, concert);
  }
  private candidates = (model: Readonly<OnSaleModel>) => model.reservations.filter((row) => row.concert === this.concert);
  override check(model: Readonly<OnSaleModel>): boolean {
    return this.candidates(model).length > 0;
  }
  protected picked(model: OnSaleModel): ReservationModel {
    const candidates = this.candidates(model);
    return candidates[this.pick % candidates.length]!;
  }
}

/** A command of the operator or of the clock: it runs, then the rows agree with the model. */
export abstract class SystemCommand implements Command {
  check(_model: Readonly<OnSaleModel>): boolean {
    return true;
  }
  abstract act(model: OnSaleModel, real: Real): Promise<void>;
  async run(model: OnSaleModel, real: Real): Promise<void> {
    real.clock.beforeCommand();
    await this.act(model, real);
    await expectAgreement(model, real);
  }
  abstract toString(): string;
}
