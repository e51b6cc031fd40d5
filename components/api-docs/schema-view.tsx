import type { ReactNode } from "react";
import { componentName } from "@/lib/openapi/document-view";
import type { JsonSchema } from "@/lib/openapi/schema-components";
import { apiDocs as t } from "@/lib/i18n/ko/api-docs";
import styles from "./api-docs.module.css";

const MAX_DEPTH = 5;

type Components = Record<string, JsonSchema>;

const asSchema = (value: unknown): JsonSchema => (value && typeof value === "object" ? (value as JsonSchema) : {});
const hasProperties = (schema: JsonSchema) => typeof schema.properties === "object" && schema.properties !== null;

/** A $ref's component, unless it is already being expanded above (recursive schemas stop there). */
function resolve(schema: JsonSchema, components: Components, seen: string[]): { schema: JsonSchema; seen: string[] } {
  const name = componentName(schema.$ref);
  if (!name || !components[name] || seen.includes(name)) return { schema, seen };
  return { schema: components[name]!, seen: [...seen, name] };
}

/** The object whose fields to list: the schema itself, or the items of an array of objects. */
function fieldsSource(schema: JsonSchema, components: Components, seen: string[]) {
  const direct = resolve(schema, components, seen);
  if (hasProperties(direct.schema)) return { ...direct, isArray: false };
  if (direct.schema.type !== "array") return undefined;
  const items = resolve(asSchema(direct.schema.items), components, direct.seen);
  return hasProperties(items.schema) ? { ...items, isArray: true } : undefined;
}

/** Length, range and size limits in a few words. */
function constraintsOf(schema: JsonSchema): string[] {
  const notes: string[] = [];
  const range = (min: unknown, max: unknown, unit: string) => {
    if (min !== undefined && max !== undefined) notes.push(`${min}–${max}${unit}`);
    else if (min !== undefined) notes.push(`≥ ${min}${unit}`);
    else if (max !== undefined) notes.push(`≤ ${max}${unit}`);
  };
  range(schema.minLength, schema.maxLength, t.schema.chars);
  range(schema.minimum ?? schema.exclusiveMinimum, schema.maximum ?? schema.exclusiveMaximum, "");
  range(schema.minItems, schema.maxItems, t.schema.items);
  if (schema.default !== undefined) notes.push(`${t.schema.default} ${JSON.stringify(schema.default)}`);
  return notes;
}

/** A one-line type: "string (uuid)", "array: Seat", "\"HELD\" | \"SOLD\"", "string | null". */
export function SchemaType({ schema, components }: { schema: JsonSchema; components?: Components }): ReactNode {
  const ref = componentName(schema.$ref);
  const target = ref ? components?.[ref] : undefined;
  // A named enum reads best as its values.
  if (target && Array.isArray(target.enum)) return <SchemaType schema={target} />;
  if (ref) return <a href={`#schema-${ref}`} className={styles.ref}>{ref}</a>;
  const variants = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(variants)) {
    return variants.map((variant, index) => (
      <span key={index}>
        {index > 0 && " | "}
        <SchemaType schema={asSchema(variant)} components={components} />
      </span>
    ));
  }
  if (schema.const !== undefined) return <code>{JSON.stringify(schema.const)}</code>;
  if (Array.isArray(schema.enum)) return <code>{schema.enum.map((value) => JSON.stringify(value)).join(" | ")}</code>;
  if (schema.type === "array") {
    return (
      <>
        {t.schema.arrayOf} <SchemaType schema={asSchema(schema.items)} components={components} />
      </>
    );
  }
  const type = typeof schema.type === "string" ? schema.type : hasProperties(schema) ? "object" : "any";
  return typeof schema.format === "string" ? `${type} (${schema.format})` : type;
}

type ViewProps = { schema: JsonSchema; components: Components; depth?: number; seen?: string[] };

/** A schema as a readable tree of fields (component refs expanded), with types, limits and descriptions. */
export function SchemaView({ schema, components, depth = 0, seen = [] }: ViewProps) {
  const source = depth <= MAX_DEPTH ? fieldsSource(schema, components, seen) : undefined;
  if (!source) {
    return (
      <p className={styles.schemaLine}>
        <SchemaType schema={schema} components={components} />
        {constraintsOf(schema).map((note) => <span key={note} className={styles.constraint}>{note}</span>)}
      </p>
    );
  }
  const required = new Set(Array.isArray(source.schema.required) ? (source.schema.required as string[]) : []);
  const properties = Object.entries(asSchema(source.schema.properties));
  return (
    <div className={styles.schema}>
      {depth === 0 && (schema.$ref !== undefined || source.isArray) && (
        <p className={styles.schemaLine}>
          <SchemaType schema={schema} />
        </p>
      )}
      {properties.length === 0 ? (
        <p className="muted small">{t.schema.empty}</p>
      ) : (
        <ul className={styles.fields}>
          {properties.map(([name, value]) => {
            const property = asSchema(value);
            const hasChildren = fieldsSource(property, components, source.seen) !== undefined;
            return (
              <li key={name} className={styles.field}>
                <div className={styles.fieldHead}>
                  <code className={styles.fieldName}>{name}</code>
                  <span className={styles.fieldType}><SchemaType schema={property} components={components} /></span>
                  <span className={required.has(name) ? styles.required : styles.optional}>
                    {required.has(name) ? t.schema.required : t.schema.optional}
                  </span>
                  {constraintsOf(property).map((note) => <span key={note} className={styles.constraint}>{note}</span>)}
                </div>
                {typeof property.description === "string" && <p className={styles.fieldDescription}>{property.description}</p>}
                {hasChildren && <SchemaView schema={property} components={components} depth={depth + 1} seen={source.seen} />}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
