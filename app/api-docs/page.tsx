import type { Metadata } from "next";
import { BreakablePath } from "@/components/api-docs/breakable-path";
import { OperationView } from "@/components/api-docs/operation-view";
import { SchemaView } from "@/components/api-docs/schema-view";
import styles from "@/components/api-docs/api-docs.module.css";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { groupOperationsByTag } from "@/lib/openapi/document-view";
import { apiDocs as t } from "@/lib/i18n/ko/api-docs";

export const metadata: Metadata = { title: t.metaTitle };

/** A readable rendering of /api/openapi.json, built from the same document on the server. */
export default function ApiDocsPage() {
  const document = buildOpenApiDocument();
  const groups = groupOperationsByTag(document);
  const operationCount = groups.reduce((sum, group) => sum + group.operations.length, 0);
  const schemas = Object.entries(document.components.schemas).sort(([a], [b]) => a.localeCompare(b));

  const tableOfContents = (
    <ul className={styles.tocList}>
      {groups.map((group) => (
        <li key={group.id}>
          <a href={`#${group.id}`} className={styles.tocTag}>{group.name}</a>
          <ul className={styles.tocOperations}>
            {group.operations.map((operation) => (
              <li key={operation.id}>
                <a href={`#${operation.id}`} className={styles.tocOperation}>
                  <span className={`${styles.tocMethod} ${styles[`method${operation.method}`] ?? ""}`}>{operation.method}</span>
                  <span className={styles.tocPath}><BreakablePath path={operation.path.replace(/^\/api/, "")} /></span>
                </a>
              </li>
            ))}
          </ul>
        </li>
      ))}
      <li><a href="#schemas" className={styles.tocTag}>{t.schemasTitle}</a></li>
    </ul>
  );

  return (
    <div className="container">
      <header className={`page-header ${styles.intro}`} id="top">
        <p className="eyebrow">{t.eyebrow}</p>
        <h1>{document.info.title}</h1>
        <p className={styles.lead}>{t.lead}</p>
        <div className="row">
          <span className="badge badge--brand">OpenAPI {document.openapi}</span>
          <span className="badge">{t.version(document.info.version)}</span>
          <span className="badge">{t.operationCount(operationCount)}</span>
          <a href="/api/openapi.json" className="btn btn--small">{t.download}</a>
        </div>
      </header>

      <div className={styles.layout}>
        <nav aria-label={t.toc} className={styles.toc}>
          <details className={styles.tocMobile}>
            <summary>{t.toc}</summary>
            {tableOfContents}
          </details>
          <div className={styles.tocDesktop}>
            <p className={styles.tocTitle}>{t.toc}</p>
            {tableOfContents}
          </div>
        </nav>

        <div className={styles.content}>
          <section className={`card card--flat ${styles.conventions}`} aria-labelledby="conventions-title">
            <h2 id="conventions-title">{t.conventionsTitle}</h2>
            <ul>
              {t.conventions.map((line) => <li key={line}>{line}</li>)}
            </ul>
            <h3>{t.authTitle}</h3>
            <dl className={styles.schemes}>
              {Object.entries(document.components.securitySchemes).map(([name, scheme]) => (
                <div key={name}>
                  <dt><span className="badge badge--brand">{t.auth[name] ?? name}</span></dt>
                  <dd>{scheme.description}</dd>
                </div>
              ))}
            </dl>
          </section>

          {groups.map((group) => (
            <section key={group.id} id={group.id} className={styles.tag} aria-labelledby={`${group.id}-title`}>
              <div className={styles.tagHead}>
                <h2 id={`${group.id}-title`}>{group.name}</h2>
                {group.description && <p className="muted">{group.description}</p>}
              </div>
              {group.operations.map((operation) => <OperationView key={operation.id} operation={operation} components={document.components.schemas} />)}
            </section>
          ))}

          <section id="schemas" className={styles.tag} aria-labelledby="schemas-title">
            <div className={styles.tagHead}>
              <h2 id="schemas-title">{t.schemasTitle}</h2>
            </div>
            {schemas.map(([name, schema]) => (
              <article key={name} id={`schema-${name}`} className={`card card--flat ${styles.schemaCard}`} aria-labelledby={`schema-${name}-title`}>
                <h3 id={`schema-${name}-title`} className={styles.schemaName}>{name}</h3>
                {typeof schema.description === "string" && <p className="muted small">{schema.description}</p>}
                <SchemaView schema={schema} components={document.components.schemas} seen={[name]} />
              </article>
            ))}
          </section>
          <p><a href="#top">↑ {t.backToTop}</a></p>
        </div>
      </div>
    </div>
  );
}
