import { describe, expect, it } from "vitest";
import { describeFailure } from "@/lib/actions/form-failure";
import { AppError } from "@/lib/errors";
import { forms } from "@/lib/i18n/ko/forms";

const wording = {
  fieldMessages: { title: "제목을 입력해 주세요.", "sections.*.seatsPerRow": "한 열의 좌석 수를 확인해 주세요.", "prices.*": "가격을 확인해 주세요." },
};

describe("describeFailure", () => {
  it("gives every refused field its form's message, rows and record keys by pattern, others a general one", () => {
    const error = new AppError("VALIDATION_FAILED", "Some fields are not valid.", {
      details: { fields: { title: ["Required"], "sections.4.seatsPerRow": ["Too big"], "prices.VIP": ["Too small"], "(body)": ["Bad"] } },
    });
    expect(describeFailure(error, wording)).toEqual({
      formError: forms.summary,
      fieldErrors: {
        title: "제목을 입력해 주세요.",
        "sections.4.seatsPerRow": "한 열의 좌석 수를 확인해 주세요.",
        "prices.VIP": "가격을 확인해 주세요.",
        "(body)": forms.fieldInvalid,
      },
    });
  });

  it("says how long to wait when the answer names it", () => {
    const busy = new AppError("SERVICE_UNAVAILABLE", "Busy", { retryAfterSeconds: 2.2 });
    expect(describeFailure(busy, wording)).toEqual({ formError: forms.retryIn(3) });
  });

  it("prefers the form's own words for a refusal, else the general Korean one", () => {
    expect(describeFailure(new AppError("CONFLICT", "x"), { ...wording, errorMessages: { CONFLICT: "이미 환불했습니다." } })).toEqual({
      formError: "이미 환불했습니다.",
    });
    expect(describeFailure(new AppError("NOT_FOUND", "x"), wording)).toEqual({ formError: forms.errors.NOT_FOUND });
  });
});
