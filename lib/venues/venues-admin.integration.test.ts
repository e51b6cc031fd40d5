import { describe, expect, it } from "vitest";
import { GET as listVenuesRoute, POST as createVenueRoute } from "@/app/api/admin/venues/route";
import { db } from "@/lib/db";
import { signedInUser } from "@/lib/testing/fixtures";
import { call, testRequest } from "@/lib/testing/http";

const section = (overrides: Record<string, unknown> = {}) => ({ name: "A구역", grade: "R", rows: 3, seatsPerRow: 10, ...overrides });

async function postVenue(cookie: string, body: unknown) {
  const response = await call(createVenueRoute, testRequest("POST", "/api/admin/venues", { cookie, body }));
  return { status: response.status, body: await response.json() };
}

async function venueAuditCount(): Promise<number> {
  const [row] = await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM audit_entries WHERE action = 'venue.create'`;
  return Number(row!.count);
}

describe("POST /api/admin/venues", () => {
  it("builds a venue from sections, fills in labels and placement, and audits it", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const auditsBefore = await venueAuditCount();
    const { status, body } = await postVenue(operator.cookie, {
      name: "테스트 아레나", reason: "새 공연장",
      sections: [
        section(),
        section({ name: "B구역", grade: "S", rows: 2, seatsPerRow: 8, rowLabels: ["가", "나"], rowLengths: [6, 8], aislesAfter: [4] }),
        section({ name: "플로어", grade: "VIP", rows: 1, seatsPerRow: 5, x: 300, y: 100, width: 400, height: 40, rotation: 15 }),
      ],
    });
    expect(status).toBe(201);
    expect(body.venue).toMatchObject({ name: "테스트 아레나", totalSeats: 30 + 14 + 5, grades: ["R", "S", "VIP"] });
    const [a, b, floor] = body.venue.sections;
    expect(a).toMatchObject({ name: "A구역", rows: 3, seatsPerRow: 10, totalSeats: 30, rowLabels: ["1", "2", "3"], x: 100, width: 800 });
    expect(b).toMatchObject({ rowLabels: ["가", "나"], rowLengths: [6, 8], seatsPerRow: 8, aislesAfter: [4] });
    expect(b.y).toBeGreaterThan(a.y);
    expect(floor).toMatchObject({ x: 300, y: 100, width: 400, height: 40, rotation: 15 });
    expect(await venueAuditCount()).toBe(auditsBefore + 1);

    const listed = await call(listVenuesRoute, testRequest("GET", "/api/admin/venues", { cookie: operator.cookie }));
    expect(listed.status).toBe(200);
    expect((await listed.json()).venues.find((venue: { id: string }) => venue.id === body.venue.id)).toEqual(body.venue);
  });

  it("accepts exactly 100,000 seats", async () => {
    const operator = await signedInUser(db(), "ADMIN");
    const { status, body } = await postVenue(operator.cookie, {
      name: "최대 공연장", reason: "한도 확인",
      sections: [section({ rows: 100, seatsPerRow: 500 }), section({ name: "B구역", rows: 100, seatsPerRow: 500 })],
    });
    expect(status).toBe(201);
    expect(body.venue.totalSeats).toBe(100_000);
  });

  it.each([
    ["no sections", { sections: [] }, "sections"],
    ["more than 100,000 seats", { sections: [section({ rows: 100, seatsPerRow: 500 }), section({ name: "B", rows: 100, seatsPerRow: 501 })] }, "sections"],
    ["two sections of one name", { sections: [section(), section()] }, "sections.1.name"],
    ["zero rows", { sections: [section({ rows: 0 })] }, "sections.0.rows"],
    ["more rows than the database keeps", { sections: [section({ rows: 501, seatsPerRow: 1 })] }, "sections.0.rows"],
    ["a fractional seat count", { sections: [section({ seatsPerRow: 2.5 })] }, "sections.0.seatsPerRow"],
    ["a blank section name", { sections: [section({ name: "  " })] }, "sections.0.name"],
    ["row labels that do not match the rows", { sections: [section({ rowLabels: ["1"] })] }, "sections.0.rowLabels"],
    ["a row longer than seatsPerRow", { sections: [section({ rows: 2, rowLengths: [10, 11] })] }, "sections.0.rowLengths"],
    ["half a box", { sections: [section({ x: 10 })] }, "sections.0.x"],
    ["a box outside the drawing", { sections: [section({ x: 10, y: 10, width: 2000, height: 10 })] }, "sections.0.width"],
    ["no reason", { reason: undefined }, "reason"],
  ])("refuses %s with 422 and a field error, writing nothing", async (_label, overrides, field) => {
    const operator = await signedInUser(db(), "ADMIN");
    const name = `거절된 공연장 ${crypto.randomUUID()}`;
    const auditsBefore = await venueAuditCount();
    const { status, body } = await postVenue(operator.cookie, { name, reason: "확인", sections: [section()], ...overrides });
    expect(status).toBe(422);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(body.error.details.fields)).toContain(field);
    expect(await db().venue.count({ where: { name } })).toBe(0);
    expect(await venueAuditCount()).toBe(auditsBefore);
  });
});
