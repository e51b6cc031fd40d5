import type { JsonSchema } from "@/lib/openapi/schema-components";

/** The parts of an OpenAPI 3.1 document the /api-docs page renders. */
export type OpenApiLike = {
  info: { title: string; version: string; description?: string };
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, Record<string, unknown>> };
};

export type ParameterView = { name: string; in: string; isRequired: boolean; description?: string; schema: JsonSchema };
export type ResponseView = { status: string; description: string; schema?: JsonSchema };
export type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  auth: string[];
  parameters: ParameterView[];
  requestSchema?: JsonSchema;
  responses: ResponseView[];
};
export type TagView = { name: string; description?: string; operations: OperationView[] };

type RawOperation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Array<Record<string, unknown>>;
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
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
    auth: (raw.security ?? []).flatMap((requirement) => Object.keys(requirement)),
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
        schema: response.content?.["application/json"]?.schema,
      })),
  };
}

/** Operations grouped by tag, in the document's tag order, each group in path order. */
export function groupOperationsByTag(document: OpenApiLike): TagView[] {
  const groups = new Map<string, TagView>();
  for (const tag of document.tags ?? []) groups.set(tag.name, { name: tag.name, description: tag.description, operations: [] });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method] as RawOperation | undefined;
      if (!raw) continue;
      const tag = raw.tags?.[0] ?? UNTAGGED;
      if (!groups.has(tag)) groups.set(tag, { name: tag, operations: [] });
      groups.get(tag)!.operations.push(toOperationView(path, method, raw));
    }
  }
  return [...groups.values()].filter((group) => group.operations.length > 0);
}

/** "#/components/schemas/User" → "User"; undefined for anything else. */
export function componentName(ref: unknown): string | undefined {
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : undefined;
}
