import { signInInput, signUpInput, userResponse } from "@/lib/auth/schemas";
import type { ApiOperation } from "@/lib/openapi/operation";

export const authOperations: ApiOperation[] = [
  {
    method: "post", path: "/api/auth/sign-up", tag: "Auth", summary: "Create an account and sign in",
    body: signUpInput,
    responses: { 201: { description: "Signed up; the session cookie is set.", schema: userResponse } },
    errors: ["EMAIL_TAKEN"],
  },
  {
    method: "post", path: "/api/auth/sign-in", tag: "Auth", summary: "Sign in",
    description: "After 10 failed attempts for one email within 15 minutes, answers 429 with Retry-After.",
    body: signInInput,
    responses: { 200: { description: "Signed in; the session cookie is set.", schema: userResponse } },
    errors: ["INVALID_CREDENTIALS", "RATE_LIMITED"],
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
