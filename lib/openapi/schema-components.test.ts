import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SchemaComponents } from "@/lib/openapi/schema-components";

describe("SchemaComponents", () => {
  it("moves named schemas into components and points refs at #/components/schemas", () => {
    const seat = z.object({ id: z.string(), number: z.number().int() }).meta({ id: "TestSeat" });
    const list = z.object({ seats: z.array(seat) }).meta({ id: "TestSeatList" });
    const components = new SchemaComponents();

    expect(components.toSchema(list, "output")).toEqual({ $ref: "#/components/schemas/TestSeatList" });
    expect(components.schemas.TestSeatList).toMatchObject({
      type: "object",
      properties: { seats: { type: "array", items: { $ref: "#/components/schemas/TestSeat" } } },
    });
    expect(components.schemas.TestSeat).toMatchObject({ type: "object", required: ["id", "number"] });
    expect(JSON.stringify(components.schemas)).not.toContain("$defs");
  });

  it("inlines unnamed schemas and reuses one component for every use of a name", () => {
    const money = z.object({ amount: z.number() }).meta({ id: "TestMoney" });
    const components = new SchemaComponents();
    expect(components.toSchema(z.object({ a: z.string() }), "input")).toMatchObject({ type: "object" });
    components.toSchema(z.object({ price: money }), "output");
    components.toSchema(z.object({ total: money }), "output");
    expect(Object.keys(components.schemas)).toEqual(["TestMoney"]);
  });

  it("keeps request and response shapes apart when one name differs between them", () => {
    const withDefault = z.object({ size: z.number().default(10) }).meta({ id: "TestPage" });
    const components = new SchemaComponents();
    const output = components.toSchema(withDefault, "output");
    const input = components.toSchema(withDefault, "input");
    expect(output).toEqual({ $ref: "#/components/schemas/TestPage" });
    expect(input).toEqual({ $ref: "#/components/schemas/TestPageInput" });
    expect(components.schemas.TestPage).toMatchObject({ required: ["size"] });
    expect(components.schemas.TestPageInput).not.toHaveProperty("required");
  });
});
