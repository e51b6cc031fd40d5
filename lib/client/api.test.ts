import { afterEach, describe, expect, it, vi } from "vitest";
import { apiFetchTagged, primeTagged } from "@/lib/client/api";

afterEach(() => vi.unstubAllGlobals());

/** A server that answers `bodies` in turn, each with its ETag, or 304 when asked with the current one. */
function serve(...answers: Array<{ etag: string; body: unknown }>) {
  const requests: Array<string | null> = [];
  let current = 0;
  vi.stubGlobal("fetch", async (_path: string, init: RequestInit) => {
    const ifNoneMatch = (init.headers as Record<string, string>)["if-none-match"] ?? null;
    requests.push(ifNoneMatch);
    const answer = answers[Math.min(current++, answers.length - 1)]!;
    if (ifNoneMatch === answer.etag) return new Response(null, { status: 304, headers: { etag: answer.etag } });
    return Response.json(answer.body, { headers: { etag: answer.etag } });
  });
  return requests;
}

describe("apiFetchTagged", () => {
  it("asks with the last ETag and answers the same body on a 304", async () => {
    const requests = serve({ etag: '"1"', body: { seats: [1] } }, { etag: '"1"', body: { seats: [1] } }, { etag: '"2"', body: { seats: [2] } });
    const first = await apiFetchTagged<{ seats: number[] }>("/api/performances/p/seats?section=a");
    const unchanged = await apiFetchTagged<{ seats: number[] }>("/api/performances/p/seats?section=a");
    const changed = await apiFetchTagged<{ seats: number[] }>("/api/performances/p/seats?section=a");
    expect(requests).toEqual([null, '"1"', '"1"']);
    expect(unchanged).toBe(first);
    expect(changed).toEqual({ seats: [2] });
  });

  it("keeps the ETags of different paths apart", async () => {
    const requests = serve({ etag: '"x"', body: { sections: [] } });
    await apiFetchTagged("/api/performances/q/sections");
    await apiFetchTagged("/api/performances/r/sections");
    expect(requests).toEqual([null, null]);
  });

  it("asks with a primed ETag first (the server's render), answering the primed body on a 304", async () => {
    const requests = serve({ etag: '"s1"', body: { sections: ["fresh"] } });
    const rendered = { sections: ["rendered"] };
    primeTagged("/api/performances/s/sections", '"s1"', rendered);
    expect(await apiFetchTagged("/api/performances/s/sections")).toBe(rendered);
    expect(requests).toEqual(['"s1"']);
  });
});
