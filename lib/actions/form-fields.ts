// FormData as the JSON body an API route would get, so a server action can
// validate it with the route's own zod schema.

/** A form's fields nested by their dotted names: "sections.0.rows" → { sections: [{ rows }] }. */
export type FormFields = { [name: string]: string | FormFields | FormFields[] | string[] };

/** Fields React and Next add to a posted form for their own use. */
const FRAMEWORK_FIELD = /^\$ACTION/;

/** The text fields of a submitted form, by name (files and the framework's own fields left out). */
export function readFormValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !FRAMEWORK_FIELD.test(name)) values[name] = value;
  }
  return values;
}

const ARRAY_INDEX = /^(0|[1-9][0-9]{0,3})$/;

/**
 * Nests flat dotted names into objects and arrays ("prices.VIP", "sections.0.name"). A numeric
 * segment makes an array; gaps left by removed rows are closed, so the schema sees the rows in order.
 */
export function nestFormValues(values: Record<string, string>): FormFields {
  const root: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const path = name.split(".");
    let node: Record<string, unknown> = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] = value;
        return;
      }
      const next = path[index + 1]!;
      node[segment] ??= ARRAY_INDEX.test(next) ? [] : {};
      node = node[segment] as Record<string, unknown>;
    });
  }
  return compactArrays(root) as FormFields;
}

function compactArrays(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((item) => item !== undefined).map(compactArrays);
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, compactArrays(value)]));
  }
  return node;
}

/**
 * A field the API takes as a JSON number: the number a form's text spells, or the text itself
 * when it spells none, so the schema refuses it with its own message ("" stays "", never 0).
 */
export function formNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim().replaceAll(",", "");
  if (trimmed === "" || !/^-?[0-9]+(\.[0-9]+)?$/.test(trimmed)) return value;
  return Number(trimmed);
}

/** A field the API takes as an ISO time, from a datetime-local input read in Korean time (UTC+9). */
export function formKoreanDateTime(value: unknown): unknown {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return value;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  return new Date(`${withSeconds}+09:00`).toISOString();
}

const KOREA_OFFSET_MS = 9 * 60 * 60 * 1000;

/** An instant as a datetime-local input shows it in Korean time ("2026-12-24T19:30"). */
export function toKoreanDateTimeInput(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + KOREA_OFFSET_MS).toISOString().slice(0, 16);
}
