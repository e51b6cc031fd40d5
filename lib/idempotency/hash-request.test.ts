import { describe, expect, it } from "vitest";
import { canonicalJson, hashRequest } from "@/lib/idempotency/hash-request";

describe("canonicalJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it("drops undefined fields the way JSON does", () => {
    expect(canonicalJson({ a: undefined, b: "x" })).toBe('{"b":"x"}');
  });
});

describe("hashRequest", () => {
  const base = { method: "POST", path: "/api/wallet/charge", body: { amount: 10_000 } };

  it("is the same for the same request whatever the key order", () => {
    const a = hashRequest({ ...base, body: { amount: 1, note: "x" } });
    const b = hashRequest({ ...base, body: { note: "x", amount: 1 } });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs when the body, the path or the method differs", () => {
    const hash = hashRequest(base);
    expect(hashRequest({ ...base, body: { amount: 10_001 } })).not.toBe(hash);
    expect(hashRequest({ ...base, path: "/api/payments" })).not.toBe(hash);
    expect(hashRequest({ ...base, method: "PUT" })).not.toBe(hash);
    expect(hashRequest({ ...base, body: { amount: "10000" } })).not.toBe(hash);
  });
});
