// Many signed-in fans, fast: users in bulk with one precomputed password hash,
// sessions through the app's own session code (so cookies are genuine).
import type { Database } from "@/lib/db/client";
import { createUsers, sessionCookieFor } from "@/lib/testing/fixtures";

export type BenchFan = {
  id: string;
  email: string;
  /** "encore_session=…": send as the Cookie header. */
  cookie: string;
};

const USERS_PER_INSERT = 1_000;
const SESSIONS_IN_FLIGHT = 20;

async function mapInBatches<T, R>(items: T[], batchSize: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    results.push(...(await Promise.all(items.slice(start, start + batchSize).map(work))));
  }
  return results;
}

export async function createFans(db: Database, count: number): Promise<BenchFan[]> {
  const chunks = Array.from({ length: Math.ceil(count / USERS_PER_INSERT) }, (_, index) =>
    Math.min(USERS_PER_INSERT, count - index * USERS_PER_INSERT),
  );
  const users = (await mapInBatches(chunks, 1, (size) => createUsers(db, size))).flat();
  const cookies = await sessionCookies(db, users.map((user) => user.id));
  return users.map((user, index) => ({ id: user.id, email: user.email, cookie: cookies[index]! }));
}

/** A live session for each user, as a Cookie header ("encore_session=…"), in the users' order. */
export function sessionCookies(db: Database, userIds: string[]): Promise<string[]> {
  return mapInBatches(userIds, SESSIONS_IN_FLIGHT, (userId) => sessionCookieFor(db, userId));
}
