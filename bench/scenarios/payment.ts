// Payments and charges per second against the reference route, then a check
// of every money and seat invariant over the whole database.
//
// Each payment pays two fresh holds of its own fan, inserted straight into the
// tables, with the fan admitted to the concert (a live queue token): exactly
// what POST /api/payments sees after a real hold. Each charge carries a new
// Idempotency-Key, so every request does the full work.
import { randomUUID } from "node:crypto";
import { createBenchConcert, SEATS_PER_PERFORMANCE } from "../lib/concert.ts";
import { paymentRequest, preparePayingFans, SEATS_PER_PAYMENT } from "../lib/payers.ts";
import { benchCpuSources, CpuTally } from "../lib/cpu-time.ts";
import { combineRounds } from "../lib/measure.ts";
import { countInvariantViolations } from "@/lib/testing/ledger";
import type { BenchContext, BenchFan, BenchRequest, Measurement, ScenarioReport } from "../lib/context.ts";

const CONNECTIONS = 20;
const REFERENCE_SECONDS = 3;
const ROUNDS = 3;
const WARMUP_PAYMENTS = 300;
const PAYMENTS_PER_ROUND = 1_000;
const MEASURED_PAYMENTS = ROUNDS * PAYMENTS_PER_ROUND;
const CHARGING_FANS = 200;
const CHARGES_PER_ROUND = 1_500;
const QUERY_SAMPLE_PAYMENTS = 20;
function chargeRequests(fans: BenchFan[], count: number): BenchRequest[] {
  return Array.from({ length: count }, (_, index) => ({
    path: "/api/wallet/charge",
    method: "POST",
    headers: { cookie: fans[index % fans.length]!.cookie, "idempotency-key": randomUUID() },
    body: { amount: 1_000 + (index % 9_000) },
  }));
}


/**
 * The reference and the measured route in alternating rounds, so both see the
 * same machine: on a shared machine the background load drifts within minutes.
 */
async function interleaved(
  ctx: BenchContext,
  rounds: Array<() => Promise<Measurement>>,
  cpu: { reference: CpuTally; measured: CpuTally },
): Promise<{ reference: Measurement[]; measured: Measurement[] }> {
  const reference: Measurement[] = [];
  const measured: Measurement[] = [];
  const measureReference = () => cpu.reference.measure(() => ctx.measureReference({ connections: CONNECTIONS, durationSeconds: REFERENCE_SECONDS }));
  for (const round of rounds) {
    reference.push(await measureReference());
    measured.push(await cpu.measured.measure(round));
  }
  reference.push(await measureReference());
  return { reference, measured };
}

async function sendSequentially(ctx: BenchContext, requests: BenchRequest[]): Promise<void> {
  for (const request of requests) {
    const response = await fetch(`${ctx.baseUrl}${request.path}`, {
      method: request.method,
      headers: { ...request.headers, "content-type": "application/json" },
      body: JSON.stringify(request.body),
    });
    if (!response.ok) throw new Error(`${request.path} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
}

export default async function payment(ctx: BenchContext): Promise<ScenarioReport> {
  const payers = WARMUP_PAYMENTS + MEASURED_PAYMENTS + QUERY_SAMPLE_PAYMENTS;
  ctx.log(`Preparing ${payers} admitted fans with ${SEATS_PER_PAYMENT} fresh holds each…`);
  const { concertId } = await createBenchConcert(ctx, {
    title: "벤치마크 콘서트",
    performances: Math.ceil((payers * SEATS_PER_PAYMENT) / SEATS_PER_PERFORMANCE),
  });
  const fans = await preparePayingFans(ctx, concertId!, payers);
  const warmup = fans.slice(0, WARMUP_PAYMENTS).map(paymentRequest);
  const measured = fans.slice(WARMUP_PAYMENTS, WARMUP_PAYMENTS + MEASURED_PAYMENTS).map(paymentRequest);
  const sampled = fans.slice(WARMUP_PAYMENTS + MEASURED_PAYMENTS).map(paymentRequest);
  const chargingFans = await ctx.createFans(CHARGING_FANS);

  await ctx.measure({ name: "payments (warm-up)", requests: warmup, amount: warmup.length, connections: CONNECTIONS, warmupSeconds: 0 });
  const sources = benchCpuSources(ctx.baseUrl);
  const cpu = { reference: new CpuTally(sources), payments: new CpuTally(sources), charges: new CpuTally(sources) };
  const paymentRounds = await interleaved(
    ctx,
    Array.from({ length: ROUNDS }, (_, round) => () => {
      const batch = measured.slice(round * PAYMENTS_PER_ROUND, (round + 1) * PAYMENTS_PER_ROUND);
      return ctx.measure({ name: "payments", requests: batch, amount: batch.length, connections: CONNECTIONS, warmupSeconds: 0 });
    }),
    { reference: cpu.reference, measured: cpu.payments },
  );
  const paymentQueries = await ctx.countQueries(() => sendSequentially(ctx, sampled));
  const chargeRounds = await interleaved(
    ctx,
    Array.from({ length: ROUNDS }, () => () =>
      ctx.measure({
        name: "charges",
        requests: chargeRequests(chargingFans, CHARGES_PER_ROUND),
        amount: CHARGES_PER_ROUND,
        connections: CONNECTIONS,
        warmupSeconds: 0,
      }),
    ),
    { reference: cpu.reference, measured: cpu.charges },
  );
  const chargeQueries = await ctx.countQueries(() => sendSequentially(ctx, chargeRequests(chargingFans, QUERY_SAMPLE_PAYMENTS)));
  const reference = combineRounds("noop", [...paymentRounds.reference, ...chargeRounds.reference]);
  const payments = combineRounds("POST /api/payments (2 seats)", paymentRounds.measured);
  const charges = combineRounds("POST /api/wallet/charge", chargeRounds.measured);
  const roundRatios = (rounds: { reference: Measurement[]; measured: Measurement[] }) =>
    rounds.measured.map((part, index) => (part.rps / ((rounds.reference[index]!.rps + rounds.reference[index + 1]!.rps) / 2)).toFixed(2));

  const violations = await countInvariantViolations(ctx.db);
  const totalViolations = Object.values(violations).reduce((sum, count) => sum + count, 0);
  const [paid] = await ctx.db.$queryRaw<{ payments: bigint; sold: bigint }[]>`
    SELECT (SELECT count(*) FROM payments) AS payments, (SELECT count(*) FROM reservations WHERE status = 'CONFIRMED') AS sold`;
  return {
    reference,
    results: [
      { ...payments, queriesPerRequest: paymentQueries / sampled.length },
      { ...charges, queriesPerRequest: chargeQueries / QUERY_SAMPLE_PAYMENTS },
    ],
    notes: [
      `each payment: its own fan, admitted, paying 2 fresh holds; ${WARMUP_PAYMENTS} warm-up payments not counted`,
      `${ROUNDS} rounds each, the reference (${REFERENCE_SECONDS} s) measured before and after every round; ` +
        `per-round ratios: payments ${roundRatios(paymentRounds).join(", ")}; charges ${roundRatios(chargeRounds).join(", ")}`,
      `target: payments ≥ 0.4× reference (issue 14); 5xx must be 0`,
      `after the run: ${Number(paid!.payments)} payments, ${Number(paid!.sold)} seats sold; invariant violations: ${totalViolations} ${JSON.stringify(violations)}`,
      `queries/request: ${QUERY_SAMPLE_PAYMENTS} sequential requests each (pg_stat_statements, BEGIN/COMMIT included)`,
      `${cpu.reference.note("reference")}; ${cpu.payments.note("payments")}; ${cpu.charges.note("charges")} ` +
        "(/proc, bench/lib/cpu-time.ts: far less load-dependent than requests per second)",
    ],
    extra: {
      invariantViolations: violations,
      paymentsRecorded: Number(paid!.payments),
      seatsSold: Number(paid!.sold),
      paymentRounds,
      chargeRounds,
      cpu,
    },
  };
}
