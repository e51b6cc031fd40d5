// The on-sale model test (docs/reliability.md): fast-check generates sequences
// of requests by several fans about two concerts, a small hall and an arena of
// small sections — join, poll, leave, list dates, sections, a section's seats
// and all seats, hold (across sections, up to the four-seat limit), race for a
// seat, release, charge and pay (new keys, retries of a key, a key sent twice
// at once, a key reused for another body), cancel a ticket — and by an
// operator — refund a payment, pause and resume a line — plus time passing and
// the cron, and runs them against the real route handlers and PostgreSQL. A
// small model predicts every answer; after every command the rows agree with
// the model and the invariants hold. A failure prints how to replay it:
//   FC_SEED=<seed> FC_PATH=<path> FC_REPLAY_PATH=<replayPath> npx vitest run --project integration lib/testing/model
// MODEL_RUNS and MODEL_COMMANDS make the run longer (`npm run test:soak`).
//
// Interleavings: the races that matter are decided inside PostgreSQL (the
// unique index on live holds, the idempotency record's insert), not by the
// order of promises in this process, so fc.scheduledModelRun's scheduler
// would only reorder the test's own awaits. The RaceForSeat command and a
// payment key sent twice at once fire real requests together instead, and
// the model accepts any order the database may have chosen.
import fc from "fast-check";
import { describe, it } from "vitest";
import { db } from "@/lib/db";
import { onSaleCommands, openingCharges, type Real } from "./on-sale-commands";
import { initialModel } from "./on-sale-model";
import { outcomesReached } from "./outcomes";
import { FANS, fanClient, startOnSaleSystem, useModelProcessClock } from "./on-sale-system";

const RUNS = Number(process.env.MODEL_RUNS ?? 15);
const MAX_COMMANDS = Number(process.env.MODEL_COMMANDS ?? 60);
const SEED = process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);

/** The failure message with the command to replay it in front. */
function withReplayHint(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const path = /path: "([^"]*)"/.exec(message)?.[1];
  const replayPath = /replayPath="([^"]*)"/.exec(message)?.[1];
  const replay = [`FC_SEED=${SEED}`, path && `FC_PATH=${path}`, replayPath && `FC_REPLAY_PATH=${replayPath}`].filter(Boolean).join(" ");
  return new Error(`Replay with: ${replay} npx vitest run --project integration lib/testing/model\n\n${message}`, { cause: error });
}

describe("the on-sale model", () => {
  it(`agrees with the route handlers and PostgreSQL over ${RUNS} random sequences of up to ${MAX_COMMANDS} commands`, async () => {
    const clock = useModelProcessClock();
    try {
      await fc.assert(
        fc.asyncProperty(fc.commands(onSaleCommands, { maxCommands: MAX_COMMANDS, size: "max", replayPath: process.env.FC_REPLAY_PATH }), async (commands) => {
          const system = await startOnSaleSystem(db());
          const real: Real = { system, clients: system.fans.map((fan) => fanClient(system, fan)), clock };
          await fc.asyncModelRun(async () => ({ model: await openingCharges(initialModel(FANS, system.concerts), real), real }), commands);
        }),
        { numRuns: RUNS, seed: SEED, path: process.env.FC_PATH, endOnFailure: process.env.FC_PATH === undefined ? false : true },
      );
    } catch (error) {
      throw withReplayHint(error);
    } finally {
      clock.restore();
      console.log("Outcomes reached:", Object.fromEntries([...outcomesReached()].sort()));
    }
  }, Math.max(600_000, RUNS * MAX_COMMANDS * 1_000));
});
