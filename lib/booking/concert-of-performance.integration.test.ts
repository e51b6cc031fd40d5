import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { concertOfPerformance } from "@/lib/booking/concert-of-performance";
import { db } from "@/lib/db";
import { createConcert } from "@/lib/testing/fixtures";
import { recordDatabaseStatements } from "@/lib/testing/queue";

const recorded = recordDatabaseStatements();
const LOOKUP = /FROM performances WHERE id = ANY/;
const lookups = () => recorded.statements.filter((text) => LOOKUP.test(text)).length;

describe("concertOfPerformance", () => {
  it("answers many concurrent first requests for new dates with few statements, and remembers the answers whatever the id's case", async () => {
    const concerts = await Promise.all([createConcert(db(), { performances: 3 }), createConcert(db(), { performances: 2 })]);
    const expected = concerts.flatMap(({ concertId, performanceIds }) => performanceIds.map((performanceId) => ({ performanceId, concertId })));
    const before = lookups();

    const asked = Array.from({ length: 40 }, (_, index) => expected[index % expected.length]!);
    const answers = await Promise.all(asked.map(({ performanceId }) => concertOfPerformance(db(), performanceId)));

    expect(answers).toEqual(asked.map(({ concertId }) => concertId));
    expect(lookups() - before).toBeLessThanOrEqual(2);
    await Promise.all(expected.map(({ performanceId }) => concertOfPerformance(db(), performanceId.toUpperCase())));
    await Promise.all(expected.map(({ performanceId }) => concertOfPerformance(db(), performanceId)));
    expect(lookups() - before).toBeLessThanOrEqual(2);
  });

  it("answers 404 for an unknown or malformed id, without failing the requests it shares a statement with", async () => {
    const { concertId, performanceIds } = await createConcert(db(), { performances: 1 });
    const [known, unknown, malformed] = await Promise.allSettled([
      concertOfPerformance(db(), performanceIds[0]!),
      concertOfPerformance(db(), randomUUID()),
      concertOfPerformance(db(), "not-a-uuid"),
    ]);
    expect(known).toEqual({ status: "fulfilled", value: concertId });
    expect(unknown).toMatchObject({ status: "rejected", reason: { code: "NOT_FOUND" } });
    expect(malformed).toMatchObject({ status: "rejected", reason: { code: "NOT_FOUND" } });
  });
});
