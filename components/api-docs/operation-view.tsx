import { Fragment } from "react";
import type { OperationView as Operation } from "@/lib/openapi/document-view";
import type { JsonSchema } from "@/lib/openapi/schema-components";
import { apiDocs as t } from "@/lib/i18n/ko/api-docs";
import { BreakablePath } from "./breakable-path";
import { SchemaType, SchemaView } from "./schema-view";
import styles from "./api-docs.module.css";

const isErrorSchema = (schema: JsonSchema) => schema.$ref === "#/components/schemas/Error";

function statusClass(status: string): string {
  if (status.startsWith("2")) return styles.status2xx!;
  if (status.startsWith("4")) return styles.status4xx!;
  return styles.status5xx!;
}

/** One endpoint: method, path, auth, parameters, request body and every answer. */
export function OperationView({ operation, components }: { operation: Operation; components: Record<string, JsonSchema> }) {
  const errors = operation.responses.filter((response) => response.schema && isErrorSchema(response.schema));
  const successes = operation.responses.filter((response) => !errors.includes(response));
  return (
    <article id={operation.id} className={`card ${styles.operation}`} aria-labelledby={`${operation.id}-title`}>
      <header className={styles.operationHead}>
        <div className={styles.endpoint}>
          <span className={`${styles.method} ${styles[`method${operation.method}`] ?? ""}`}>{operation.method}</span>
          <code className={styles.path}><BreakablePath path={operation.path} /></code>
        </div>
        <h3 id={`${operation.id}-title`} className={styles.summary}>{operation.summary}</h3>
        {operation.description && <p className="muted">{operation.description}</p>}
        <p className={styles.authLine}>
          <span className={styles.label}>{t.authLabel}</span>
          {operation.auth.length === 0 && <span className="badge">{t.auth.none}</span>}
          {operation.auth.map((schemes, index) => (
            <Fragment key={schemes.join("+")}>
              {index > 0 && <span className={styles.authJoin}>{t.authOr}</span>}
              {schemes.map((scheme, position) => (
                <Fragment key={scheme}>
                  {position > 0 && <span className={styles.authJoin}>+</span>}
                  <span className="badge badge--brand">{t.auth[scheme] ?? scheme}</span>
                </Fragment>
              ))}
            </Fragment>
          ))}
        </p>
      </header>

      {operation.parameters.length > 0 && (
        <section className={styles.block}>
          <h4 className={styles.blockTitle}>{t.parameters}</h4>
          <div className={styles.tableWrap}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.parameterColumns.name}</th>
                  <th scope="col">{t.parameterColumns.in}</th>
                  <th scope="col">{t.parameterColumns.type}</th>
                  <th scope="col">{t.parameterColumns.required}</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`}>
                    <td>
                      <code>{parameter.name}</code>
                      {parameter.description && <p className={styles.fieldDescription}>{parameter.description}</p>}
                    </td>
                    <td>{parameter.in}</td>
                    <td><SchemaType schema={parameter.schema} components={components} /></td>
                    <td>{parameter.isRequired ? t.yes : t.no}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {operation.requestSchema && (
        <section className={styles.block}>
          <h4 className={styles.blockTitle}>{t.requestBody} <span className="muted small">application/json</span></h4>
          <SchemaView schema={operation.requestSchema} components={components} />
        </section>
      )}

      <section className={styles.block}>
        <h4 className={styles.blockTitle}>{t.responses}</h4>
        <ul className={styles.responses}>
          {successes.map((response) => (
            <li key={response.status} className={styles.response}>
              <div className={styles.responseHead}>
                <span className={`${styles.status} ${statusClass(response.status)}`}>{response.status}</span>
                <span>{response.description}</span>
                {response.headers.map((header) => <code key={header} className={styles.header}>{header}</code>)}
              </div>
              {response.schema && <SchemaView schema={response.schema} components={components} />}
            </li>
          ))}
        </ul>
        {errors.length > 0 && (
          <ul className={styles.errors} aria-label={t.errorResponses}>
            {errors.map((response) => (
              <li key={response.status} className={styles.errorRow}>
                <span className={`${styles.status} ${statusClass(response.status)}`}>{response.status}</span>
                <code className={styles.errorCodes}>{response.description.replace(/^Error: /, "")}</code>
                {response.headers.map((header) => <code key={header} className={styles.header}>{header}</code>)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
