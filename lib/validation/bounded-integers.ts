import { z } from "zod";

// Integers of the HTTP contract with the bounds the database and docs/API.md
// guarantee. A bare z.number().int() documents −(2^53 − 1) … 2^53 − 1, which
// would tell API clients that prices, balances and seat numbers may be negative.

/** docs/API.md: money is an integer number of won and amounts stay below 2^53. */
export const MAX_WON = Number.MAX_SAFE_INTEGER;
/** docs/API.md: a venue has up to 100,000 seats, numbered 1…N per performance. */
export const MAX_SEATS_PER_PERFORMANCE = 100_000;

/** A price, balance or total in won (the database refuses negative prices and balances). */
export const wonSchema = z.number().int().min(0).max(MAX_WON);

/** A ledger amount in won: positive for money in, negative for a payment. */
export const signedWonSchema = z.number().int().min(-MAX_WON).max(MAX_WON);

/** A seat's number within its performance. */
export const seatNumberSchema = z.number().int().min(1).max(MAX_SEATS_PER_PERFORMANCE);

/** How many seats of a performance (or of one request) are in some state. */
export const seatCountSchema = z.number().int().min(0).max(MAX_SEATS_PER_PERFORMANCE);

/** A tally, ticket number or counter that only grows (PostgreSQL bigint, kept below 2^53). */
export const counterSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
