import { signInInput, signUpInput, userResponse } from "@/lib/auth/schemas";
import type { ApiOperation } from "@/lib/openapi/operation";

const HASHING_BUDGET = "Password hashing has a per-process budget: over it, 503 SERVICE_UNAVAILABLE with Retry-After at once.";

export const authOperations: ApiOperation[] = [
  {
    method: "post", path: "/api/auth/sign-up", tag: "Auth", summary: "Create an account and sign in", access: "public",
    description: `Creates a fan account and signs it in at once. The password needs at least 8 characters. ${HASHING_BUDGET}`,
    body: signUpInput,
    responses: {
      201: {
        description: "Signed up; the session cookie and a device cookie are set.", schema: userResponse,
        setsCookie: "The session cookie encore_session and the device cookie encore_device.",
      },
    },
    errors: ["EMAIL_TAKEN", "SERVICE_UNAVAILABLE"],
  },
  {
    method: "post", path: "/api/auth/sign-in", tag: "Auth", summary: "Sign in", access: "public",
    description:
      "After 10 failed attempts for one email within 15 minutes, answers 429 with Retry-After, except to a browser " +
      "holding the signed device cookie (encore_device) of an earlier sign-in to that account, which has its own limit " +
      `of 5. ${HASHING_BUDGET}`,
    body: signInInput,
    responses: {
      200: {
        description: "Signed in; the session cookie and a new device cookie are set.", schema: userResponse,
        setsCookie: "The session cookie encore_session and the device cookie encore_device.",
      },
    },
    errors: ["INVALID_CREDENTIALS", "RATE_LIMITED", "SERVICE_UNAVAILABLE"],
  },
  {
    method: "post", path: "/api/auth/sign-out", tag: "Auth", summary: "End the session", access: "session",
    description: "Ends the session on the server, so the old cookie stops working everywhere, and clears the cookie.",
    responses: { 204: { description: "Signed out; the old cookie no longer works.", setsCookie: "Clears encore_session." } },
  },
  {
    method: "get", path: "/api/me", tag: "Auth", summary: "The signed-in user", access: "session",
    description: "The account of the session: id, email, name and role.",
    responses: { 200: { description: "The user.", schema: userResponse } },
  },
];
