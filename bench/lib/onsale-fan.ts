// One virtual fan of the on-sale simulation (bench/scenarios/onsale.ts): the
// journey a browser makes through the API, step by step, with every request
// timed and every answer counted by step and status code.
import { randomUUID } from "node:crypto";

export type Step =
  | "sign-in"
  | "join"
  | "poll"
  | "leave"
  | "dates"
  | "sections"
  | "seats"
  | "hold"
  | "charge"
  | "pay";

export type Outcome =
  | "bought"
  | "sold out"
  | "abandoned in line"
  | "window ran out"
  | "no seats found"
  | "hold expired"
  | "gave up (errors)"
  | "unfinished"
  /** Still not done well after the cut-off (a wait that did not end): counted, no longer waited for. */
  | "stuck after the cut-off";

/** What all fans share: the server, the clock, the counters, and whether the sections endpoint answers yet. */
export class OnSaleRun {
  readonly latencies = new Map<Step, number[]>();
  readonly statusCodes = new Map<Step, Map<string, number>>();
  readonly sales: { atMs: number; count: number }[] = [];
  readonly outcomes = new Map<Outcome, number>();
  /** Fans in line now, and fans admitted and still booking. */
  waiting = 0;
  admitted = 0;
  requests = 0;
  /** Null until a fan has asked; false once the endpoint answered 404 (not built yet): fans fall back to the full seat list. */
  sectionsAnswer: boolean | null = null;
  readonly startedAtMs = Date.now();

  constructor(
    readonly baseUrl: string,
    readonly signal: AbortSignal,
  ) {}

  /** One request, timed and counted; network errors count as status "error <cause>" (e.g. "error ECONNRESET") and answer null. */
  async send(step: Step, path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const started = performance.now();
    this.requests += 1;
    let status = "error";
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method: init.method ?? "GET",
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: this.signal,
      });
      status = String(response.status);
      const text = await response.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      return { status: response.status, body: body as Record<string, unknown> | null, headers: response.headers };
    } catch (error) {
      status = `error ${networkErrorCause(error)}`;
      return null;
    } finally {
      this.record(step, status, performance.now() - started);
    }
  }

  private record(step: Step, status: string, ms: number): void {
    const latencies = this.latencies.get(step) ?? [];
    latencies.push(ms);
    this.latencies.set(step, latencies);
    const codes = this.statusCodes.get(step) ?? new Map<string, number>();
    codes.set(status, (codes.get(status) ?? 0) + 1);
    this.statusCodes.set(step, codes);
  }

  /** A fan joined the line: counted as waiting, then as admitted, until they leave it either way. */
  enterLine(): { admit: () => void; leave: () => void } {
    let state: "waiting" | "admitted" | "gone" = "waiting";
    this.waiting += 1;
    return {
      admit: () => {
        if (state !== "waiting") return;
        state = "admitted";
        this.waiting -= 1;
        this.admitted += 1;
      },
      leave: () => {
        if (state === "waiting") this.waiting -= 1;
        if (state === "admitted") this.admitted -= 1;
        state = "gone";
      },
    };
  }

  finish(outcome: Outcome): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }
}

/** Why a request got no answer: the socket's error code, the abort at the cut-off, or undici's own code. */
function networkErrorCause(error: unknown): string {
  if (error instanceof Error && error.name === "AbortError") return "aborted";
  const cause = (error as { cause?: { code?: string; name?: string } }).cause;
  return cause?.code ?? cause?.name ?? (error instanceof Error ? error.name : "unknown");
}

export type FanPlan = {
  email: string;
  password: string;
  /** The session cookie of a fan who signed in before the sale (the journey starts at the line); null: signs in on arrival. */
  signedInCookie: string | null;
  concertId: string;
  isArena: boolean;
  arrivesAtMs: number;
  /** 1–4. */
  seatsWanted: number;
  /** Leaves the line after this long waiting (ms), or never. */
  abandonsAfterMs: number | null;
  /** Once admitted, does nothing more: the turn runs out. */
  letsWindowRunOut: boolean;
  /** Milliseconds to think before holding and before paying. */
  thinkMs: number;
  random: () => number;
};

type Seat = { id: string; number: number; status: string };
type Section = { id: string; availableSeats: number };

const MAX_ATTEMPTS = 6;
const NO_SEATS_RETRIES = 4;
const WON_PER_CHARGE_STEP = 10_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** The cookies a response sets, as one Cookie header. */
function cookieHeader(headers: Headers): string {
  return headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
}

function retryAfterMs(headers: Headers | undefined, fallbackMs: number): number {
  const seconds = Number(headers?.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : fallbackMs;
}

type Credentials = { cookie: string; token: string };

/** A fan's whole visit; resolves with how it ended. */
export async function runFan(run: OnSaleRun, plan: FanPlan): Promise<Outcome> {
  const { signal } = run;
  await sleep(plan.arrivesAtMs - (Date.now() - run.startedAtMs), signal);

  // Sign in (unless already signed in); the hashing budget sheds a storm with 503 + Retry-After, and the fan tries again then.
  let cookie = plan.signedInCookie ?? undefined;
  for (let attempt = 0; !cookie; attempt++) {
    if (signal.aborted || attempt > 30) return "gave up (errors)";
    const answer = await run.send("sign-in", "/api/auth/sign-in", { method: "POST", body: { email: plan.email, password: plan.password } });
    if (answer?.status === 200) cookie = cookieHeader(answer.headers);
    else await sleep(retryAfterMs(answer?.headers, 1000) * (0.5 + plan.random()), signal);
  }

  const joined = await run.send("join", `/api/concerts/${plan.concertId}/queue`, { method: "POST", headers: { cookie } });
  if (!joined || (joined.status !== 200 && joined.status !== 201)) return "gave up (errors)";
  let token = String(joined.body?.token);
  let status = joined.body as Record<string, unknown>;
  const joinedAt = Date.now();
  const place = run.enterLine();
  try {
    // The line: poll at the interval the server suggests.
    while (status.status !== "ADMITTED") {
      if (status.soldOut === true) return await leave(run, { cookie, token }, "sold out");
      if (plan.abandonsAfterMs !== null && Date.now() - joinedAt >= plan.abandonsAfterMs) {
        return await leave(run, { cookie, token }, "abandoned in line");
      }
      await sleep(Number(status.pollAfterMs) || 2000, signal);
      if (signal.aborted) return "unfinished";
      const polled = await run.send("poll", "/api/queue/status", { headers: { "x-queue-token": token } });
      if (polled?.status === 410) return "window ran out";
      if (polled?.status !== 200 || !polled.body) continue;
      status = polled.body;
      if (typeof status.token === "string") token = status.token;
    }
    place.admit();
    if (plan.letsWindowRunOut) return "window ran out";
    return await book(run, plan, { cookie, token });
  } finally {
    place.leave();
  }
}

/** Admitted: a date, seats, a hold, the money, the payment. */
async function book(run: OnSaleRun, plan: FanPlan, credentials: Credentials): Promise<Outcome> {
  const { signal } = run;
  const headers = { cookie: credentials.cookie, "x-queue-token": credentials.token };
  for (let look = 0; look <= NO_SEATS_RETRIES; look++) {
    if (look > 0) await sleep(2000, signal);
    if (signal.aborted) return "unfinished";
    const dates = await run.send("dates", `/api/concerts/${plan.concertId}/performances`, { headers });
    if (dates?.status === 410) return "window ran out";
    const performances = (dates?.body?.performances ?? []) as { id: string; availableSeats: number; isSoldOut?: boolean }[];
    if (performances.length > 0 && performances.every((performance) => performance.isSoldOut)) return leave(run, credentials, "sold out");
    const open = performances.filter((performance) => performance.availableSeats > 0);
    if (open.length === 0) continue;
    const performanceId = open[Math.floor(plan.random() * open.length)]!.id;
    const seats = await freeSeats(run, plan, performanceId, headers);
    if (seats === "expired") return "window ran out";
    if (seats.length === 0) continue;
    await sleep(plan.thinkMs, signal);
    const held = await hold(run, plan, performanceId, seats, headers);
    if (held === "expired") return "window ran out";
    if (held === null) continue;
    await sleep(plan.thinkMs, signal);
    return pay(run, plan, held, headers);
  }
  return leave(run, credentials, "no seats found");
}

/** Leaving the line (or the booking pages): the session and the queue token. */
async function leave(run: OnSaleRun, credentials: Credentials, outcome: Outcome): Promise<Outcome> {
  await run.send("leave", "/api/queue", { method: "DELETE", headers: { cookie: credentials.cookie, "x-queue-token": credentials.token } });
  return outcome;
}

/**
 * The free seats to choose from: in an arena, one section with room (when the
 * sections endpoint answers); otherwise the whole seat list.
 */
async function freeSeats(run: OnSaleRun, plan: FanPlan, performanceId: string, headers: Record<string, string>): Promise<Seat[] | "expired"> {
  let query = "";
  if (plan.isArena && run.sectionsAnswer !== false) {
    const answer = await run.send("sections", `/api/performances/${performanceId}/sections`, { headers });
    if (answer?.status === 404) run.sectionsAnswer = false;
    if (answer?.status === 410) return "expired";
    if (answer?.status === 200) {
      run.sectionsAnswer = true;
      const sections = ((answer.body?.sections ?? []) as Section[]).filter((section) => section.availableSeats >= plan.seatsWanted);
      if (sections.length === 0) return [];
      query = `?section=${sections[Math.floor(plan.random() * sections.length)]!.id}`;
    }
  }
  const answer = await run.send("seats", `/api/performances/${performanceId}/seats${query}`, { headers });
  if (answer?.status === 410) return "expired";
  return ((answer?.body?.seats ?? []) as Seat[]).filter((seat) => seat.status === "AVAILABLE");
}

/** Seats next to each other where possible: a random free seat and the free ones after it. */
function choose(seats: Seat[], wanted: number, random: () => number): Seat[] {
  const sorted = [...seats].sort((a, b) => a.number - b.number);
  const start = Math.floor(random() * Math.max(1, sorted.length - wanted + 1));
  return sorted.slice(start, start + wanted);
}

/** Holds 1–4 seats, choosing again after a 409; the held reservation ids and their total, or null. */
async function hold(
  run: OnSaleRun,
  plan: FanPlan,
  performanceId: string,
  seats: Seat[],
  headers: Record<string, string>,
): Promise<{ reservationIds: string[]; total: number } | null | "expired"> {
  let candidates = seats;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && candidates.length > 0; attempt++) {
    const chosen = choose(candidates, plan.seatsWanted, plan.random);
    const answer = await run.send("hold", "/api/reservations", {
      method: "POST",
      headers,
      body: { performanceId, seatIds: chosen.map((seat) => seat.id) },
    });
    if (answer?.status === 201) {
      const reservations = (answer.body?.reservations ?? []) as { id: string; price: number }[];
      return { reservationIds: reservations.map((reservation) => reservation.id), total: reservations.reduce((sum, r) => sum + r.price, 0) };
    }
    if (answer?.status === 410) return "expired";
    const taken = new Set(((answer?.body?.error as { details?: { seatIds?: string[] } } | undefined)?.details?.seatIds) ?? chosen.map((seat) => seat.id));
    candidates = candidates.filter((seat) => !taken.has(seat.id));
  }
  return null;
}

/** Pays with one key; told the balance is short, charges the shortfall and pays again with the same key. */
async function pay(run: OnSaleRun, plan: FanPlan, held: { reservationIds: string[]; total: number }, headers: Record<string, string>): Promise<Outcome> {
  const key = randomUUID();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (run.signal.aborted) return "unfinished";
    const answer = await run.send("pay", "/api/payments", {
      method: "POST",
      headers: { ...headers, "idempotency-key": key },
      body: { reservationIds: held.reservationIds },
    });
    if (answer?.status === 201) {
      run.sales.push({ atMs: Date.now() - run.startedAtMs, count: held.reservationIds.length });
      return "bought";
    }
    if (answer?.status === 410) return "hold expired";
    if (answer?.status === 402) {
      const shortfall = Number((answer.body?.error as { details?: { shortfall?: number } } | undefined)?.details?.shortfall ?? held.total);
      const amount = Math.ceil(shortfall / WON_PER_CHARGE_STEP) * WON_PER_CHARGE_STEP;
      await run.send("charge", "/api/wallet/charge", { method: "POST", headers: { cookie: headers.cookie!, "idempotency-key": randomUUID() }, body: { amount } });
      continue;
    }
    const code = (answer?.body?.error as { code?: string } | undefined)?.code;
    if (answer && answer.status < 500 && code !== "REQUEST_IN_PROGRESS") return "gave up (errors)";
    await sleep(retryAfterMs(answer?.headers, 500), run.signal);
  }
  return "gave up (errors)";
}
