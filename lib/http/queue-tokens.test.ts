import { describe, expect, it } from "vitest";
import { readQueueTokens } from "@/lib/http/queue-tokens";
import { queueTokenFor, queueTokenSource } from "@/lib/queue/queue-tokens";
import { queueCookieName } from "@/lib/queue/token";

const concertA = "6f1c1f0e-3a55-4c3b-9d65-0b8f3f7e9a10";
const concertB = "00000000-0000-4000-8000-000000000001";

function tokensOf(headers: Record<string, string>) {
  return readQueueTokens(new Headers(headers));
}

describe("the queue tokens of a request", () => {
  it("picks the cookie of the concert the domain call found", () => {
    const tokens = tokensOf({ cookie: `encore_session=s; ${queueCookieName(concertA)}=q1.a; ${queueCookieName(concertB)}=q1.b` });
    expect(queueTokenFor(tokens, concertA)).toBe("q1.a");
    expect(queueTokenFor(tokens, concertB)).toBe("q1.b");
    expect(queueTokenFor(tokens, "11111111-1111-4111-8111-111111111111")).toBeUndefined();
  });

  it("lets the X-Queue-Token header win over any cookie, whatever the concert", () => {
    const tokens = tokensOf({ "x-queue-token": "q1.header", cookie: `${queueCookieName(concertA)}=q1.a` });
    expect(queueTokenFor(tokens, concertA)).toBe("q1.header");
    expect(queueTokenFor(tokens, concertB)).toBe("q1.header");
    expect(queueTokenSource(tokens, concertA)).toEqual({ token: "q1.header", cookieConcertId: undefined });
  });

  it("reads an empty header as none, and ties a cookie's token to its concert", () => {
    const tokens = tokensOf({ "x-queue-token": "", cookie: `${queueCookieName(concertA)}=q1.a` });
    expect(queueTokenSource(tokens, concertA)).toEqual({ token: "q1.a", cookieConcertId: concertA });
    expect(queueTokenSource(tokens, undefined)).toEqual({ token: undefined, cookieConcertId: undefined });
  });

  it("keeps the first cookie of a name, and none when that one cannot be decoded", () => {
    const name = queueCookieName(concertA);
    expect(queueTokenFor(tokensOf({ cookie: `${name}=q1.first; ${name}=q1.second` }), concertA)).toBe("q1.first");
    expect(queueTokenFor(tokensOf({ cookie: `${name}=%E0%A4%A; ${name}=q1.second` }), concertA)).toBeUndefined();
  });
});
