import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

const LOCAL_DEF_REF = /^#\/\$defs\/(.+)$/;

function rewriteRefs(value: unknown, rename: (id: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, rename));
  if (!value || typeof value !== "object") return value;
  const result: JsonSchema = {};
  for (const [key, child] of Object.entries(value)) {
    const match = key === "$ref" && typeof child === "string" ? LOCAL_DEF_REF.exec(child) : null;
    result[key] = match ? `#/components/schemas/${rename(match[1]!)}` : rewriteRefs(child, rename);
  }
  return result;
}

/**
 * Turns zod schemas into OpenAPI 3.1 schema objects. Schemas named with
 * .meta({ id }) become entries of components.schemas and are referenced as
 * #/components/schemas/<id>: zod alone would emit "#/$defs/<id>" refs, which
 * inside an OpenAPI document point at the document root and break. When the
 * request (input) and response (output) shapes of one id differ, the two get
 * distinct names (<id>Input / <id>Output).
 */
export class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const { $schema: _dialect, $defs, ...root } = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
      reused: "inline",
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const definitions = Object.entries($defs ?? {});
    const names = new Map<string, string>();
    for (const [id, definition] of definitions) {
      const existing = this.schemas[id];
      const isSame = !existing || JSON.stringify(existing) === JSON.stringify(rewriteRefs(definition, (ref) => ref));
      names.set(id, isSame ? id : `${id}${io === "input" ? "Input" : "Output"}`);
    }
    const rename = (id: string) => names.get(id) ?? id;
    for (const [id, definition] of definitions) {
      this.schemas[rename(id)] ??= rewriteRefs(definition, rename) as JsonSchema;
    }
    return rewriteRefs(root, rename) as JsonSchema;
  }
}
