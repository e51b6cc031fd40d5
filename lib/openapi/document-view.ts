import type { JsonSchema } from "@/lib/openapi/schema-components";

/** The parts of an OpenAPI 3.1 document the /api-docs page renders. */
export type OpenApiLike = {
  info: { title: string; version: string; description?: string };
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, Record<string, unknown>> };
};

export type ParameterView = { name: string; in: string; isRequired: boolean; description?: string; schema: JsonSchema };
export type ResponseView = { status: string; description: string; headers: string[]; schema?: JsonSchema };
export type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  /** Alternatives (any one will do), each a list of security schemes that must all be presented; empty for a public endpoint. */
  auth: string[][];
  parameters: ParameterView[];
  requestSchema?: JsonSchema;
  responses: ResponseView[];
};
/** `id` is safe in HTML ids and fragments: "Waiting room" → "waiting-room". */
export type TagView = { id: string; name: string; description?: string; operations: OperationView[] };

type RawOperation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Array<Record<string, unknown>>;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; headers?: Record<string, unknown>; content?: Record<string, { schema?: JsonSchema }> }>;
};

const METHODS = ["get", "post", "put", "patch", "delete"];
const UNTAGGED = "Other";

function toOperationView(path: string, method: string, raw: RawOperation): OperationView {
  return {
    id: raw.operationId ?? `${method}-${path}`,
    method: method.toUpperCase(),
    path,
    summary: raw.summary ?? "",
    description: raw.description,
    auth: (raw.security ?? []).map((requirement) => Object.keys(requirement)),
    parameters: (raw.parameters ?? []).map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      isRequired: parameter.required === true,
      description: parameter.description,
      schema: parameter.schema ?? {},
    })),
    requestSchema: raw.requestBody?.content?.["application/json"]?.schema,
    responses: Object.entries(raw.responses ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, response]) => ({
        status,
        description: response.description ?? "",
        headers: Object.keys(response.headers ?? {}),
        schema: response.content?.["application/json"]?.schema,
      })),
  };
}

/** A tag name as an HTML id: lower case, anything but letters and digits turned into single dashes. */
export function tagId(name: string): string {
  return `tag-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}

/** Operations grouped by tag, in the document's tag order, each group in path order. */
export function groupOperationsByTag(document: OpenApiLike): TagView[] {
  const groups = new Map<string, TagView>();
  for (const tag of document.tags ?? []) groups.set(tag.name, { id: tagId(tag.name), name: tag.name, description: tag.description, operations: [] });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method] as RawOperation | undefined;
      if (!raw) continue;
      const tag = raw.tags?.[0] ?? UNTAGGED;
      if (!groups.has(tag)) groups.set(tag, { id: tagId(tag), name: tag, operations: [] });
      groups.get(tag)!.operations.push(toOperationView(path, method, raw));
    }
  }
  return [...groups.values()].filter((group) => group.operations.length > 0);
}

/** "#/components/schemas/User" → "User"; undefined for anything else. */
export function componentName(ref: unknown): string | undefined {
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : undefined;
}
