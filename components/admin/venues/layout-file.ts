// A venue layout file an operator imports into the venue form: JSON (the API's
// venue body, or just its sections) or CSV with a header row. It only fills the
// form; the form's submit is validated by the API's schema like any other.

/** One section row of the venue form, as text, the way its inputs hold it. */
export type SectionDraft = { name: string; grade: string; rows: string; seatsPerRow: string; x: string; y: string; width: string; height: string };

export type LayoutDraft = { name?: string; sections: SectionDraft[] };

export const SECTION_FIELDS = ["name", "grade", "rows", "seatsPerRow", "x", "y", "width", "height"] as const;

export function emptySection(): SectionDraft {
  return { name: "", grade: "", rows: "", seatsPerRow: "", x: "", y: "", width: "", height: "" };
}

function toDraft(record: Record<string, unknown>): SectionDraft {
  const draft = emptySection();
  for (const field of SECTION_FIELDS) {
    const value = record[field];
    if (typeof value === "string" || typeof value === "number") draft[field] = String(value).trim();
  }
  return draft;
}

/** CSV fields of one line; quotes may wrap a field and "" stands for a quote inside it. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let isQuoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (isQuoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields.map((value) => value.trim());
}

/**
 * The sections (and the venue's name, when the file has one) of a layout file; null when the text is
 * neither JSON of that shape nor CSV with at least a name column.
 */
export function parseLayoutFile(text: string): LayoutDraft | null {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      const body = Array.isArray(parsed) ? { sections: parsed } : (parsed as { name?: unknown; sections?: unknown });
      if (!Array.isArray(body.sections)) return null;
      const sections = body.sections.filter((item): item is Record<string, unknown> => Boolean(item) && typeof item === "object").map(toDraft);
      return { ...(typeof body.name === "string" ? { name: body.name } : {}), sections };
    } catch {
      return null;
    }
  }
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = csvFields(lines[0] ?? "");
  if (!header.includes("name")) return null;
  const sections = lines.slice(1).map((line) => {
    const values = csvFields(line);
    return toDraft(Object.fromEntries(header.map((column, index) => [column, values[index] ?? ""])));
  });
  return { sections };
}
