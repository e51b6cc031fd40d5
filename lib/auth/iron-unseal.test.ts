import { sealData, unsealData } from "iron-session";
import { describe, expect, it } from "vitest";
import { unsealIron, unsealIronRemembered } from "@/lib/auth/iron-unseal";

const PASSWORD = "a-session-secret-of-at-least-32-characters";
const OTHER_PASSWORD = "another-secret-that-is-32-chars-long!!";
const TTL_SECONDS = 3600;

const seal = (data: object, password = PASSWORD, ttl = TTL_SECONDS) => sealData(data, { password, ttl });
/** What iron-session itself reads from a seal: the payload, or {} when it refuses it. */
const ironSessionReads = (sealed: string) => unsealData(sealed, { password: PASSWORD, ttl: TTL_SECONDS });

/** Replaces one "*"-separated part of the seal (the "~2" suffix stays on the last part). */
function withPart(sealed: string, index: number, change: (part: string) => string): string {
  const [body, version] = sealed.split("~");
  const parts = body!.split("*");
  parts[index] = change(parts[index]!);
  return `${parts.join("*")}~${version}`;
}

function flipLastChar(text: string): string {
  return text.slice(0, -1) + (text.endsWith("A") ? "B" : "A");
}

describe("unsealIron", () => {
  it("reads exactly what iron-session seals", async () => {
    const payloads = [
      { sid: "x3JrVXbq8-2dH1u0N1yqzVYpmcD7i5wY9sXo0Fvl0kI" },
      { sid: "한글도 그대로", n: 42, nested: { list: [1, 2, 3] } },
      { sid: "" },
      { long: "z".repeat(1000) },
    ];
    for (const payload of payloads) {
      const sealed = await seal(payload);
      expect(unsealIron(sealed, PASSWORD)).toEqual(payload);
      expect(unsealIron(sealed, PASSWORD)).toEqual(await ironSessionReads(sealed));
    }
  });

  it("refuses a seal made under another password", async () => {
    const sealed = await seal({ sid: "abc" }, OTHER_PASSWORD);
    expect(unsealIron(sealed, PASSWORD)).toBeNull();
    expect(await ironSessionReads(sealed)).toEqual({});
  });

  it("refuses a change to any part of the seal, as iron-session does", async () => {
    const sealed = await seal({ sid: "abc" });
    const partCount = sealed.split("~")[0]!.split("*").length;
    for (let index = 0; index < partCount; index++) {
      const tampered = withPart(sealed, index, flipLastChar);
      expect(unsealIron(tampered, PASSWORD), `part ${index}`).toBeNull();
      await expect(ironSessionReads(tampered).catch(() => ({})), `part ${index}`).resolves.toEqual({});
    }
  });

  it("refuses a seal once it has expired, allowing the same minute of clock skew as iron", async () => {
    const sealed = await seal({ sid: "abc" }, PASSWORD, 10);
    const expiresAt = Number(sealed.split("~")[0]!.split("*")[5]);
    expect(unsealIron(sealed, PASSWORD, expiresAt + 59_000)).toEqual({ sid: "abc" });
    expect(unsealIron(sealed, PASSWORD, expiresAt + 60_000)).toBeNull();
  });

  it("refuses a seal whose expiry was removed or rewritten (it is covered by the HMAC)", async () => {
    const sealed = await seal({ sid: "abc" }, PASSWORD, 10);
    expect(unsealIron(withPart(sealed, 5, () => ""), PASSWORD)).toBeNull();
    expect(unsealIron(withPart(sealed, 5, (expiry) => String(Number(expiry) + 1e9)), PASSWORD)).toBeNull();
  });

  it("refuses anything that is not a seal, without throwing", async () => {
    const sealed = await seal({ sid: "abc" });
    const [body] = sealed.split("~");
    const garbage = [
      "",
      "~2",
      "not a seal",
      body!, // no version suffix
      `${body}~1`,
      `${sealed}~2`,
      `${body}*extra~2`,
      sealed.replace("Fe26.2", "Fe26.1"),
      withPart(sealed, 1, () => "2"),
      withPart(sealed, 7, () => ""),
      withPart(sealed, 7, (hmac) => `${hmac}=`),
      "*".repeat(7) + "~2",
    ];
    for (const value of garbage) expect(unsealIron(value, PASSWORD), JSON.stringify(value)).toBeNull();
  });
});

describe("unsealIronRemembered", () => {
  it("opens a genuine seal once and answers the same payload while it is good", async () => {
    const sealed = await seal({ sid: "remembered" });
    const first = unsealIronRemembered(sealed, PASSWORD);

    expect(first).toEqual({ sid: "remembered" });
    expect(unsealIronRemembered(sealed, PASSWORD)).toBe(first);
  });

  it("still refuses a remembered seal once it has expired, and under another password", async () => {
    const sealed = await seal({ sid: "abc" }, PASSWORD, 10);
    const expiresAt = Number(sealed.split("~")[0]!.split("*")[5]);
    expect(unsealIronRemembered(sealed, PASSWORD, expiresAt + 59_000)).toEqual({ sid: "abc" });

    expect(unsealIronRemembered(sealed, PASSWORD, expiresAt + 60_000)).toBeNull();
    expect(unsealIronRemembered(sealed, OTHER_PASSWORD, expiresAt)).toBeNull();
    expect(unsealIronRemembered(sealed, PASSWORD, expiresAt)).toEqual({ sid: "abc" });
  });

  it("refuses a changed seal every time, however often its genuine text was opened", async () => {
    const sealed = await seal({ sid: "abc" });
    expect(unsealIronRemembered(sealed, PASSWORD)).toEqual({ sid: "abc" });
    const tampered = withPart(sealed, 4, flipLastChar);

    expect(unsealIronRemembered(tampered, PASSWORD)).toBeNull();
    expect(unsealIronRemembered(tampered, PASSWORD)).toBeNull();
  });
});
