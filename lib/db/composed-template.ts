import "server-only";
import type { Prisma } from "@/lib/db";

const templates = new Map<string, TemplateStringsArray>();

/**
 * A statement composed of Prisma.sql fragments, as the arguments of a tagged
 * template call: `tx.$queryRaw(...asTemplate(query))`. Every channel takes
 * these (Prisma's client and the raw transaction, which names a prepared
 * statement after its strings array): the strings array is kept per statement
 * text, so a composed statement is prepared once per connection like a written
 * one. Only for fragments of fixed text, whose variants are few.
 */
export function asTemplate(query: Prisma.Sql): [TemplateStringsArray, ...unknown[]] {
  const key = query.strings.join("\u0000");
  let strings = templates.get(key);
  if (!strings) {
    strings = Object.freeze(Object.assign([...query.strings], { raw: [...query.strings] })) as unknown as TemplateStringsArray;
    templates.set(key, strings);
  }
  return [strings, ...query.values];
}
