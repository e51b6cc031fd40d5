import { describe, expect, it } from "vitest";
import { emptySection, parseLayoutFile } from "@/components/admin/venues/layout-file";

describe("parseLayoutFile", () => {
  it("reads the API's venue body as JSON, numbers as the form's text", () => {
    const layout = parseLayoutFile(JSON.stringify({ name: "KSPO DOME", sections: [{ name: "A구역", grade: "VIP", rows: 20, seatsPerRow: 30 }] }));
    expect(layout).toEqual({ name: "KSPO DOME", sections: [{ ...emptySection(), name: "A구역", grade: "VIP", rows: "20", seatsPerRow: "30" }] });
  });

  it("reads a bare list of sections", () => {
    expect(parseLayoutFile('[{"name":"1층","grade":"R","rows":"5","seatsPerRow":"10","x":100}]')?.sections[0]).toMatchObject({ name: "1층", x: "100" });
  });

  it("reads CSV with a header row, quoted fields and a byte-order mark", () => {
    const csv = '\uFEFFname,grade,rows,seatsPerRow\r\n"A구역, 앞",VIP,10,20\nB구역,R,5,8\n';
    expect(parseLayoutFile(csv)?.sections.map((section) => [section.name, section.grade, section.rows, section.seatsPerRow])).toEqual([
      ["A구역, 앞", "VIP", "10", "20"],
      ["B구역", "R", "5", "8"],
    ]);
  });

  it("refuses text that is no layout", () => {
    expect(parseLayoutFile("hello")).toBeNull();
    expect(parseLayoutFile('{"name":"x"}')).toBeNull();
    expect(parseLayoutFile("{broken")).toBeNull();
  });
});
