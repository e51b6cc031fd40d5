import { createHmac } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openQueueToken, QUEUE_TOKEN_TTL_SECONDS, sealQueueToken, type QueueTokenClaims } from "@/lib/queue/token";

const claims: QueueTokenClaims = {
  tid: "0b6f3c1e-8a31-4a7e-9d3e-2f1f0c9b7a11",
  uid: "7c2d1e4f-5a6b-4c8d-9e0f-1a2b3c4d5e6f",
  cid: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
  tkt: "1234",
};

beforeAll(() => {
  process.env.DATABASE_URL ??= "postgresql://unit@127.0.0.1:5432/unit";
  process.env.QUEUE_TOKEN_SECRET ??= "unit-queue-secret-0123456789abcdef0123456789";
});

afterEach(() => {
  vi.useRealTimers();
});

function replacePart(token: string, index: number, value: string): string {
  const parts = token.split(".");
  parts[index] = value;
  return parts.join(".");
}

describe("queue token", () => {
  it("opens what it sealed, with and without the admission time", async () => {
    expect(await openQueueToken(await sealQueueToken(claims))).toEqual(claims);
    const admitted = { ...claims, adm: 1_796_000_000_000 };
    expect(await openQueueToken(await sealQueueToken(admitted))).toEqual(admitted);
    const prequeued = { ...claims, tkt: null };
    expect(await openQueueToken(await sealQueueToken(prequeued))).toEqual(prequeued);
  });

  it("refuses a token whose claims were changed, even to a well-formed value", async () => {
    const token = await sealQueueToken(claims);
    const payload = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString());
    const moved = Buffer.from(JSON.stringify({ ...payload, tkt: "1" })).toString("base64url");
    expect(await openQueueToken(replacePart(token, 1, moved))).toBeNull();
  });

  it("refuses a token signed with another key, or with its signature cut or altered", async () => {
    const token = await sealQueueToken(claims);
    const body = token.split(".").slice(0, 2).join(".");
    expect(await openQueueToken(`${body}.${createHmac("sha256", "another key").update(body).digest("base64url")}`)).toBeNull();
    expect(await openQueueToken(`${body}.`)).toBeNull();
    expect(await openQueueToken(`${body}.${token.split(".")[2]!.slice(0, -2)}`)).toBeNull();
    expect(await openQueueToken(replacePart(token, 0, "q2"))).toBeNull();
  });

  it("accepts only the exact text of its signature, not another spelling of the same bytes", async () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const token = await sealQueueToken(claims);
    const signature = token.split(".")[2]!;
    const others = [...alphabet].filter((char) => char !== signature.at(-1)).map((char) => signature.slice(0, -1) + char);
    const sameBytes = others.filter((spelling) => Buffer.from(spelling, "base64url").equals(Buffer.from(signature, "base64url")));

    // 32 bytes take 43 characters, whose last two bits decoding ignores: three other spellings decode alike.
    expect(sameBytes).toHaveLength(3);
    for (const spelling of others) expect(await openQueueToken(replacePart(token, 2, spelling))).toBeNull();
    expect(await openQueueToken(`${token}=`)).toBeNull();
    expect(await openQueueToken(token)).toEqual(claims);
  });

  it("refuses garbage, empty and overlong input without throwing", async () => {
    for (const input of ["", "garbage", "a.b.c", "q1.!!.??", "q1..", undefined, null, "q1." + "A".repeat(5_000) + ".x"]) {
      expect(await openQueueToken(input)).toBeNull();
    }
  });

  it("expires after its lifetime", async () => {
    vi.useFakeTimers({ now: Date.parse("2026-12-01T00:00:00Z") });
    const token = await sealQueueToken(claims);
    vi.setSystemTime(Date.parse("2026-12-01T00:00:00Z") + (QUEUE_TOKEN_TTL_SECONDS - 1) * 1000);
    expect(await openQueueToken(token)).toEqual(claims);
    vi.setSystemTime(Date.parse("2026-12-01T00:00:00Z") + QUEUE_TOKEN_TTL_SECONDS * 1000);
    expect(await openQueueToken(token)).toBeNull();
  });
});
