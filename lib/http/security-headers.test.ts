import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, planSecurityHeaders } from "@/lib/http/security-headers";

const LOCAL = { isProduction: false, isDevelopment: false, isHttps: false };
const DEPLOYED = { isProduction: true, isDevelopment: false, isHttps: true };

function directives(policy: string | undefined): Map<string, string> {
  const entries = (policy ?? "").split(";").map((part) => part.trim().split(/\s+/));
  return new Map(entries.map(([name, ...values]) => [name!, values.join(" ")]));
}

function nonceOf(policy: string | undefined): string {
  const nonce = /'nonce-([^']+)'/.exec(directives(policy).get("script-src") ?? "")?.[1];
  if (!nonce) throw new Error(`no nonce in ${policy}`);
  return nonce;
}

describe("security headers", () => {
  it("gives every response nosniff, a referrer policy, denied features and no framing", () => {
    for (const path of ["/", "/concerts/x", "/api/concerts", "/api/no-such-endpoint"]) {
      const { response } = planSecurityHeaders(path, LOCAL);
      expect(response).toMatchObject({
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
        "x-frame-options": "DENY",
      });
      expect(response["permissions-policy"]).toContain("camera=()");
      expect(directives(response["content-security-policy"]).get("frame-ancestors")).toBe("'none'");
    }
  });

  it("sends HSTS only from a real deployment, never from a local build", () => {
    expect(planSecurityHeaders("/", LOCAL).response["strict-transport-security"]).toBeUndefined();
    expect(planSecurityHeaders("/api/concerts", DEPLOYED).response["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  });

  it("lets a page run only scripts with its own fresh nonce, and hands Next the same policy", () => {
    const first = planSecurityHeaders("/concerts/x", LOCAL);
    const second = planSecurityHeaders("/concerts/x", LOCAL);
    const policy = directives(first.response["content-security-policy"]);

    expect(first.request["content-security-policy"]).toBe(first.response["content-security-policy"]);
    expect(nonceOf(first.response["content-security-policy"])).not.toBe(nonceOf(second.response["content-security-policy"]));
    expect(Buffer.from(nonceOf(first.response["content-security-policy"]), "base64")).toHaveLength(16);
    expect(policy.get("script-src")).toMatch(/^'self' 'nonce-[^']+' 'strict-dynamic'$/);
    expect(policy.get("style-src")).toMatch(/^'self' 'nonce-[^']+'$/);
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'none'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(planSecurityHeaders("/", DEPLOYED).response["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows eval and inline styles only under next dev", () => {
    const dev = directives(planSecurityHeaders("/", { ...LOCAL, isDevelopment: true }).response["content-security-policy"]);
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toBe("'self' 'unsafe-inline'");
    const built = planSecurityHeaders("/", LOCAL).response["content-security-policy"];
    expect(built).not.toContain("unsafe-eval");
  });

  it("lets nothing load or run in an API response", () => {
    const plan = planSecurityHeaders("/api/concerts", DEPLOYED);
    expect(plan.response["content-security-policy"]).toBe(API_CONTENT_SECURITY_POLICY);
    expect(directives(API_CONTENT_SECURITY_POLICY).get("default-src")).toBe("'none'");
    expect(plan.request).toEqual({});
    // A page whose path merely starts with "api" is still a page.
    expect(planSecurityHeaders("/api-docs", LOCAL).request["content-security-policy"]).toBeDefined();
  });
});
