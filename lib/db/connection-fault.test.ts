import { describe, expect, it } from "vitest";
import { isConnectionFault, retryReadOnce } from "@/lib/db/connection-fault";

/** pg's DatabaseError: the SQLSTATE in `code`, next to a severity. */
function pgError(code: string): Error {
  return Object.assign(new Error("server said no"), { code, severity: "FATAL" });
}

describe("isConnectionFault", () => {
  it.each([
    ["57P01 admin shutdown (pg_terminate_backend)", pgError("57P01")],
    ["57P02 crash shutdown", pgError("57P02")],
    ["57P03 cannot connect now", pgError("57P03")],
    ["08006 connection failure", pgError("08006")],
    ["53300 too many connections", pgError("53300")],
    ["pg's Connection terminated unexpectedly", new Error("Connection terminated unexpectedly")],
    ["a client that is no longer queryable", new Error("Client has encountered a connection error and is not queryable")],
    ["pg-pool's connect timeout", new Error("timeout exceeded when trying to connect")],
    ["ECONNREFUSED", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 })],
    ["Prisma's P1001", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["the adapter's DatabaseNotReachable", { name: "DriverAdapterError", message: "x", cause: { kind: "DatabaseNotReachable" } }],
    ["a Prisma error over the adapter's 57P01", { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "57P01" } } } }],
    ["a wrapped cause", new Error("outer", { cause: pgError("57P01") })],
    [
      "Prisma's P2028 when no connection came free for a transaction",
      Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }),
    ],
  ])("knows %s", (_what, error) => {
    expect(isConnectionFault(error)).toBe(true);
  });

  it.each([
    ["a unique violation", pgError("23505")],
    ["a lock timeout", pgError("55P03")],
    ["a statement timeout", pgError("57014")],
    ["a NUL in text (22021)", pgError("22021")],
    ["a plain bug", new TypeError("undefined is not a function")],
    ["Prisma's P2028 for another transaction failure", Object.assign(new Error("Transaction API error: Transaction not found."), { code: "P2028" })],
    ["not an error", "57P01"],
    ["nothing", undefined],
  ])("leaves %s alone", (_what, error) => {
    expect(isConnectionFault(error)).toBe(false);
  });
});

describe("retryReadOnce", () => {
  it("runs a read again once after a connection fault", async () => {
    let attempts = 0;
    const read = async () => {
      attempts += 1;
      if (attempts === 1) throw pgError("57P01");
      return "rows";
    };
    expect(await retryReadOnce(read)).toBe("rows");
    expect(attempts).toBe(2);
  });

  it("gives up after the second fault, and never retries other errors", async () => {
    let attempts = 0;
    await expect(retryReadOnce(async () => {
      attempts += 1;
      throw pgError("57P01");
    })).rejects.toMatchObject({ code: "57P01" });
    expect(attempts).toBe(2);
    attempts = 0;
    await expect(retryReadOnce(async () => {
      attempts += 1;
      throw pgError("23505");
    })).rejects.toMatchObject({ code: "23505" });
    expect(attempts).toBe(1);
  });
});
