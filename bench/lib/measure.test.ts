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
    const result = await measure(baseUrl, { name: "fixed", path: "/", amount: 200, connections: 4, warmupSeconds: 0 });
    expect(result.requests).toBe(200);
    expect(result.status2xx).toBe(200);
    // 200 answers from a local server take a few milliseconds; autocannon alone would report 1 s.
    expect(result.durationSeconds).toBeGreaterThan(0);
    expect(result.durationSeconds).toBeLessThan(0.9);
    expect(result.rps).toBeCloseTo(200 / result.durationSeconds, 6);
  });
});
