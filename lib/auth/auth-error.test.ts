import { describe, expect, it } from "vitest";
import { describeAuthFailure } from "@/components/auth/auth-error";
import { ApiError } from "@/lib/client/api";
import { auth as t } from "@/lib/i18n/ko/auth";

const FIELD_MESSAGES = { email: "email?", password: "password?", name: "name?" };

describe("describeAuthFailure", () => {
  it("turns the API's refused fields into Korean field messages and ignores unknown fields", () => {
    const error = new ApiError(422, "VALIDATION_FAILED", "Some fields are not valid.", {
      fields: { email: ["Enter a valid email address."], password: ["Use at least 8 characters."], "(body)": ["x"] },
    });
    expect(describeAuthFailure(error, FIELD_MESSAGES)).toEqual({
      message: t.errors.summary,
      fields: { email: "email?", password: "password?" },
    });
  });

  it("says how many minutes to wait when rate limited, rounding up", () => {
    const error = new ApiError(429, "RATE_LIMITED", "Too many", undefined, 61);
    expect(describeAuthFailure(error, FIELD_MESSAGES).message).toBe(t.errors.RATE_LIMITED(2));
    const withoutRetryAfter = new ApiError(429, "RATE_LIMITED", "Too many");
    expect(describeAuthFailure(withoutRetryAfter, FIELD_MESSAGES).message).toBe(t.errors.RATE_LIMITED_UNKNOWN);
  });

  it("tells a fan shed by a busy server how many seconds to wait, as Retry-After says", () => {
    const busy = (retryAfterSeconds?: number) =>
      new ApiError(503, "SERVICE_UNAVAILABLE", "Too many sign-ins right now. Please retry in a moment.", undefined, retryAfterSeconds);
    expect(describeAuthFailure(busy(7), FIELD_MESSAGES)).toEqual({ message: "지금 접속이 많아요. 7초 뒤에 다시 시도해 주세요.", fields: {} });
    expect(describeAuthFailure(busy(1), FIELD_MESSAGES).message).toBe(t.errors.SERVICE_UNAVAILABLE(1));
    expect(describeAuthFailure(busy(), FIELD_MESSAGES)).toEqual({ message: "지금 접속이 많아요. 잠시 뒤에 다시 시도해 주세요.", fields: {} });
  });

  it("points at the email field when it is taken", () => {
    const failure = describeAuthFailure(new ApiError(409, "EMAIL_TAKEN", "taken"), FIELD_MESSAGES);
    expect(failure.fields).toEqual({ email: t.errors.EMAIL_TAKEN });
  });

  it("never shows the API's English wording, whatever the error", () => {
    for (const error of [
      new ApiError(401, "INVALID_CREDENTIALS", "The email or password is not right."),
      new ApiError(0, "NETWORK", "offline"),
      new ApiError(500, "INTERNAL", "Something went wrong on our side."),
      new Error("boom"),
    ]) {
      expect(describeAuthFailure(error, FIELD_MESSAGES).message).toMatch(/[가-힣]/);
    }
  });
});
