import { signInInput, signUpInput, userResponse } from "@/lib/auth/schemas";
import type { ApiOperation } from "@/lib/openapi/operation";

export const authOperations: ApiOperation[] = [
  {
    method: "post", path: "/api/auth/sign-up", tag: "Auth", summary: "Create an account and sign in",
    body: signUpInput,
    responses: { 201: { description: "Signed up; the session cookie is set.", schema: userResponse } },
    description: "Password hashing has a per-process budget: over it, 503 SERVICE_UNAVAILABLE with Retry-After at once.",
    errors: ["EMAIL_TAKEN", "SERVICE_UNAVAILABLE"],
  },
  {
    method: "post", path: "/api/auth/sign-in", tag: "Auth", summary: "Sign in",
    description:
      "After 10 failed attempts for one email within 15 minutes, answers 429 with Retry-After, except to a browser " +
      "holding the signed device cookie (encore_device) of an earlier sign-in to that account, which has its own limit " +
      "of 5. Password hashing has a per-process budget: over it, 503 SERVICE_UNAVAILABLE with Retry-After at once.",
    body: signInInput,
    responses: { 200: { description: "Signed in; the session cookie and a new device cookie are set.", schema: userResponse } },
    errors: ["INVALID_CREDENTIALS", "RATE_LIMITED", "SERVICE_UNAVAILABLE"],
  },
  {
    method: "post", path: "/api/auth/sign-out", tag: "Auth", summary: "End the session", auth: ["session"],
    responses: { 204: { description: "Signed out; the old cookie no longer works." } },
  },
  {
    method: "get", path: "/api/me", tag: "Auth", summary: "The signed-in user", auth: ["session"],
    responses: { 200: { description: "The user.", schema: userResponse } },
  },
];
