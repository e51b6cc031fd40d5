import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/admin/csv";

describe("CSV", () => {
  it("quotes every text cell and doubles its quotes, keeping commas and line breaks inside the cell", () => {
    expect(csvCell('그룹 "A", 2층\n3열')).toBe('"그룹 ""A"", 2층\n3열"');
    expect(csvCell(150000)).toBe("150000");
    expect(toCsv([["a", 1], ["b", 2]])).toBe('"a",1\r\n"b",2\r\n');
  });

  it.each(["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])("neutralises %j as a formula", (value) => {
    expect(csvCell(value).startsWith(`"'`)).toBe(true);
  });

  it("leaves ordinary text alone", () => {
    expect(csvCell("fan@example.test")).toBe('"fan@example.test"');
    expect(csvCell("R석 B열 1번")).toBe('"R석 B열 1번"');
  });
});
