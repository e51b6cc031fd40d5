import { describe, expect, it } from "vitest";
import { formKoreanDateTime, formNumber, nestFormValues, readFormValues, toKoreanDateTimeInput } from "@/lib/actions/form-fields";

describe("readFormValues", () => {
  it("keeps the text fields and leaves out files and the framework's own fields", () => {
    const formData = new FormData();
    formData.append("name", "체조경기장");
    formData.append("$ACTION_ID_abc", "");
    formData.append("layout", new Blob(["{}"]), "layout.json");
    expect(readFormValues(formData)).toEqual({ name: "체조경기장" });
  });
});

describe("nestFormValues", () => {
  it("nests dotted names into objects and rows, closing the gaps of removed rows", () => {
    expect(nestFormValues({ name: "홀", "prices.VIP": "150000", "sections.0.name": "A", "sections.2.name": "C" })).toEqual({
      name: "홀",
      prices: { VIP: "150000" },
      sections: [{ name: "A" }, { name: "C" }],
    });
  });
});

describe("formNumber", () => {
  it("reads the number a field spells, with thousands separators", () => {
    expect(formNumber("30,000")).toBe(30_000);
    expect(formNumber(" 12 ")).toBe(12);
    expect(formNumber("-3")).toBe(-3);
    expect(formNumber("1.5")).toBe(1.5);
  });

  it("leaves text that spells no number as it is, so the schema refuses it (never 0 for an empty field)", () => {
    expect(formNumber("")).toBe("");
    expect(formNumber("열")).toBe("열");
    expect(formNumber("1e9")).toBe("1e9");
  });
});

describe("formKoreanDateTime", () => {
  it("reads a datetime-local value as Korean time", () => {
    expect(formKoreanDateTime("2026-12-24T19:30")).toBe("2026-12-24T10:30:00.000Z");
  });

  it("leaves anything else to the schema", () => {
    expect(formKoreanDateTime("내일")).toBe("내일");
    expect(formKoreanDateTime("")).toBe("");
  });
});

describe("toKoreanDateTimeInput", () => {
  it("shows an instant in Korean time, the way formKoreanDateTime reads it back", () => {
    expect(toKoreanDateTimeInput("2026-12-24T10:30:00.000Z")).toBe("2026-12-24T19:30");
    expect(formKoreanDateTime(toKoreanDateTimeInput("2026-12-31T20:00:00.000Z"))).toBe("2026-12-31T20:00:00.000Z");
  });
});
