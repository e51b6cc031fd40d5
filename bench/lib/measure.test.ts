import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measure } from "./measure.ts";

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((_request, response) => response.end("{}"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("measure", () => {
  it("times a fixed number of requests to their last answer, not to autocannon's next whole second", async () => {
    // A clock that moves 1 ms each time it is read: read once at the start and
    // once per answer, so the run ends 200 ms after it started whatever the
    // machine's speed. autocannon's own duration would be a whole second.
    let clockMs = 0;
    const result = await measure(baseUrl, {
      name: "fixed",
      path: "/",
      amount: 200,
      connections: 4,
      warmupSeconds: 0,
      now: () => clockMs++,
    });
    expect(result.requests).toBe(200);
    expect(result.status2xx).toBe(200);
    expect(result.durationSeconds).toBe(0.2);
    expect(result.rps).toBeCloseTo(1000, 6);
  });
});
