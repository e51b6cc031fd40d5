// docs/API.md is the HTTP contract inside the repository: the agreed text of
// ../shared/API.md word for word, plus what this repository adds. These tests
// keep it whole (nothing of the agreed contract missing) and keep the OpenAPI
// document honest about it (every endpoint that has a route is described).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { hasRouteHandler } from "@/lib/openapi/route-files";

const DOCS_API_MD = path.resolve("docs/API.md");
/** SHA-256 of ../shared/API.md as docs/API.md last copied it (checked whenever ../shared is there). */
const AGREED_CONTRACT_SHA256 = "680ee3cb7840d82f99c4864e891b6efa6971f8a01e60b625e5bbbc3f00e1281a";
/** Where docs/API.md's own additions begin. */
const REPOSITORY_ADDITIONS_MARKER = "\n---\n# What this repository adds";
/** CI places a copy of shared/ beside the clone; a developer's clone may have none. */
const SHARED_API_MD = path.resolve("..", "shared", "API.md");

/**
 * Endpoints of docs/API.md that no route answers yet, so the OpenAPI document
 * cannot describe them. An endpoint leaves this list when its route lands.
 */
const NOT_IMPLEMENTED_YET: Record<string, string> = {
};

/**
 * The endpoints a contract text names, as "method /path" (query strings
 * dropped): every `METHOD /api/...` in code spans, and "`PATCH` the same path"
 * for the path named just before.
 */
function endpointsOf(markdown: string): string[] {
  const found = new Set<string>();
  let lastPath: string | undefined;
  for (const match of markdown.matchAll(/`(GET|POST|PUT|PATCH|DELETE)(?: (\/api\/[^`\s]*))?`( the same path)?/g)) {
    const [, method, spelledPath, isSamePath] = match;
    if (spelledPath) lastPath = spelledPath.split("?")[0];
    else if (!isSamePath) continue;
    if (lastPath) found.add(`${method!.toLowerCase()} ${lastPath}`);
  }
  return [...found];
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function documentedOperations(): Set<string> {
  const paths = buildOpenApiDocument().paths;
  return new Set(Object.entries(paths).flatMap(([apiPath, item]) => Object.keys(item).map((method) => `${method} ${apiPath}`)));
}

const docsText = readFileSync(DOCS_API_MD, "utf8");
const docsEndpoints = endpointsOf(docsText);
const hasSharedContract = existsSync(SHARED_API_MD);
/** docs/API.md up to the heading of this repository's additions: the agreed contract. */
const additionsAt = docsText.indexOf(REPOSITORY_ADDITIONS_MARKER);
const agreedPart = (additionsAt === -1 ? docsText : docsText.slice(0, additionsAt)).trimEnd();

describe("docs/API.md", () => {
  it("names the endpoints of the contract, in the notations it uses", () => {
    expect(docsEndpoints).toEqual(expect.arrayContaining([
      "get /api/health", "get /api/wallet/entries", "get /api/performances/{performanceId}/seats",
      "get /api/admin/concerts/{concertId}/room", "patch /api/admin/concerts/{concertId}/room",
      "get /api/admin/concerts/{concertId}/orders.csv",
    ]));
    expect(docsEndpoints.every((endpoint) => !endpoint.includes("?"))).toBe(true);
  });

  if (hasSharedContract) {
    it("carries ../shared/API.md word for word, so no endpoint of the agreed contract is missing", () => {
      const shared = readFileSync(SHARED_API_MD, "utf8");
      const missing = endpointsOf(shared).filter((endpoint) => !docsEndpoints.includes(endpoint));
      expect(missing, "endpoints of ../shared/API.md missing from docs/API.md").toEqual([]);
      expect(agreedPart, "docs/API.md up to its own additions is the text of ../shared/API.md").toBe(shared.trimEnd());
      expect(sha256(shared.trimEnd()), "../shared/API.md changed: once docs/API.md carries it, pin its new SHA-256").toBe(AGREED_CONTRACT_SHA256);
    });
  } else {
    // The comparison with ../shared cannot run here; the title and a warning say so.
    it("../shared/API.md is absent beside this clone: the agreed part of docs/API.md is as last compared with it", () => {
      console.warn(`${SHARED_API_MD} not found: docs/API.md was checked against its pinned text and the OpenAPI document only.`);
      expect(sha256(agreedPart), "the agreed part of docs/API.md was edited; only ../shared/API.md may change it").toBe(AGREED_CONTRACT_SHA256);
    });
  }

  it("has every endpoint that a route answers described in the OpenAPI document", () => {
    const documented = documentedOperations();
    const undocumented = docsEndpoints.filter((endpoint) => !(endpoint in NOT_IMPLEMENTED_YET) && !documented.has(endpoint));
    expect(undocumented, "endpoints of docs/API.md missing from /api/openapi.json").toEqual([]);
  });

  it("lists as not implemented yet only endpoints of docs/API.md that no route answers", () => {
    const documented = documentedOperations();
    for (const endpoint of Object.keys(NOT_IMPLEMENTED_YET)) {
      expect(docsEndpoints, `${endpoint} is an endpoint of docs/API.md`).toContain(endpoint);
      expect(hasRouteHandler(endpoint), `${endpoint} has a route now: describe it and take it off NOT_IMPLEMENTED_YET`).toBe(false);
      expect(documented.has(endpoint), `${endpoint} is described: take it off NOT_IMPLEMENTED_YET`).toBe(false);
    }
  });
});
