// What the OpenAPI document promises beyond being well-formed: who may call
// each operation, which headers answers carry, and bounds on every integer.
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { groupOperationsByTag } from "@/lib/openapi/document-view";
import type { JsonSchema } from "@/lib/openapi/schema-components";

type Operation = {
  description?: string;
  security?: Array<Record<string, string[]>>;
  requestBody?: unknown;
  responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
};

const document = buildOpenApiDocument();
const operations = Object.entries(document.paths).flatMap(([apiPath, item]) =>
  Object.entries(item).map(([method, operation]) => ({ key: `${method} ${apiPath}`, operation: operation as Operation })),
);
const errorCodesOf = (operation: Operation) =>
  Object.values(operation.responses).flatMap((response) => response.description.replace(/^Error: /, "").split(", "));

/** Every integer schema under `node`, with where it sits. */
function integersIn(node: unknown, where: string, found: Array<{ where: string; schema: JsonSchema }> = []) {
  if (Array.isArray(node)) node.forEach((child, index) => integersIn(child, `${where}/${index}`, found));
  else if (node && typeof node === "object") {
    const schema = node as JsonSchema;
    if (schema.type === "integer") found.push({ where, schema });
    for (const [key, child] of Object.entries(schema)) integersIn(child, `${where}/${key}`, found);
  }
  return found;
}

/** Integers that may be negative, and why. */
const SIGNED_INTEGERS = ["WalletEntry/properties/amount", "WalletHistoryEntry/properties/amount"];

describe("the OpenAPI document", () => {
  it("states who may call every operation: public ones say so with an empty security list", () => {
    for (const { key, operation } of operations) {
      expect(operation.security, key).toBeDefined();
      if (operation.security!.length === 0) expect(errorCodesOf(operation), key).not.toContain("UNAUTHENTICATED");
    }
    expect(operations.filter(({ operation }) => operation.security!.length === 0).length).toBeGreaterThan(0);
  });

  it("requires the session AND the queue token (header or cookie) wherever admission is checked", () => {
    const admitted = operations.filter(({ operation }) => errorCodesOf(operation).includes("NOT_ADMITTED"));
    expect(admitted.length).toBeGreaterThanOrEqual(5);
    for (const { key, operation } of admitted) {
      expect(operation.security, key).toEqual([{ session: [], queueToken: [] }, { session: [], queueTokenCookie: [] }]);
    }
  });

  it("declares Retry-After on every 429 and 503, and Set-Cookie where sessions and queue cookies are set or cleared", () => {
    for (const { key, operation } of operations) {
      for (const status of ["429", "503"]) {
        if (operation.responses[status]) expect(operation.responses[status]!.headers, `${key} ${status}`).toHaveProperty("Retry-After");
      }
    }
    const settingCookies = operations
      .filter(({ operation }) => Object.values(operation.responses).some((response) => response.headers?.["Set-Cookie"]))
      .map(({ key }) => key);
    expect(settingCookies).toEqual(expect.arrayContaining([
      "post /api/auth/sign-up", "post /api/auth/sign-in", "post /api/auth/sign-out",
      "post /api/concerts/{concertId}/queue", "delete /api/queue",
    ]));
  });

  it("declares 503 on every operation that uses the database and 413 on every operation with a body", () => {
    for (const { key, operation } of operations) {
      if (key !== "get /api/openapi.json") expect(operation.responses, key).toHaveProperty("503");
      if (operation.requestBody) expect(errorCodesOf(operation), key).toContain("PAYLOAD_TOO_LARGE");
    }
  });

  it("describes every operation", () => {
    for (const { key, operation } of operations) expect(operation.description?.trim(), key).toBeTruthy();
  });

  it("bounds every integer: money and seat numbers are never negative, only ledger amounts are signed", () => {
    const integers = [
      ...integersIn(document.components.schemas, ""),
      ...integersIn(document.paths, "paths"),
    ];
    expect(integers.length).toBeGreaterThan(30);
    for (const { where, schema } of integers) {
      expect(typeof schema.minimum, `${where} has a minimum`).toBe("number");
      expect(typeof schema.maximum, `${where} has a maximum`).toBe("number");
      const isSigned = SIGNED_INTEGERS.some((signed) => where.endsWith(signed));
      if (!isSigned) expect(schema.minimum, `${where} is never negative`).toBeGreaterThanOrEqual(0);
    }
    const seatNumbers = integers.filter(({ where }) => /\/(number|seatNumber)$/.test(where));
    expect(seatNumbers.length).toBeGreaterThan(0);
    for (const { where, schema } of seatNumbers) expect([schema.minimum, schema.maximum], where).toEqual([1, 100_000]);
  });

  it("gives the /api-docs page ids without spaces, one per tag", () => {
    const ids = groupOperationsByTag(document).map((group) => group.id);
    expect(ids).toContain("tag-waiting-room");
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
