import Link from "next/link";
import styles from "@/components/admin/console.module.css";
import type { AuditEntriesPage } from "@/lib/audit/schemas";
import { admin as t } from "@/lib/i18n/ko/admin";
import { formatDateTime } from "@/lib/i18n/format";

function ChangeValues({ before, after }: { before: unknown; after: unknown }) {
  const shown = (value: unknown) => (value === null || value === undefined ? t.audit.nothing : JSON.stringify(value, null, 1));
  return (
    <div className={styles.change}>
      <span className="muted">{t.audit.before}</span>
      <pre>{shown(before)}</pre>
      <span className="muted">{t.audit.after}</span>
      <pre>{shown(after)}</pre>
    </div>
  );
}

/** One page of the audit log as a table, with a link to the older entries. */
export function AuditLog({ page, isFiltered, pageHref, isFirstPage }: {
  page: AuditEntriesPage;
  isFiltered: boolean;
  /** The address of the page after `cursor`. */
  pageHref: (cursor: string | null) => string;
  isFirstPage: boolean;
}) {
  if (page.entries.length === 0) {
    return <p className="card muted">{isFiltered ? t.audit.emptyForConcert : t.audit.empty}</p>;
  }
  return (
    <div className="card stack">
      {/* Focusable so a keyboard can scroll a wide log sideways on a phone. */}
      <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={t.audit.title}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.audit.columns.when}</th>
              <th scope="col">{t.audit.columns.who}</th>
              <th scope="col">{t.audit.columns.what}</th>
              <th scope="col">{t.audit.columns.why}</th>
              <th scope="col">{t.audit.columns.change}</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry) => (
              <tr key={entry.id}>
                <td className="small tabular">{formatDateTime(entry.createdAt)}</td>
                <td className="small">{entry.actorEmail}</td>
                <td>
                  <strong>{t.actions[entry.action] ?? entry.action}</strong>
                  <div className="muted small">{entry.target}</div>
                </td>
                <td>{entry.reason}</td>
                <td><ChangeValues before={entry.before} after={entry.after} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.pager}>
        {!isFirstPage && <Link className="btn btn--small" href={pageHref(null)}>{t.audit.newest}</Link>}
        {page.nextCursor && <Link className="btn btn--small" href={pageHref(page.nextCursor)}>{t.audit.more}</Link>}
      </div>
    </div>
  );
}
