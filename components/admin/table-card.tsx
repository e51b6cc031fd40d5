import type { ReactNode } from "react";
import consoleStyles from "@/components/admin/console.module.css";

export type TableColumn = { label: string; isNumber?: boolean };

/**
 * A console card holding one table under its heading: the table scrolls
 * sideways in a focusable region named by the heading (narrow screens), and
 * numeric columns are right-aligned. The rows are the children.
 */
export function TableCard({ id, title, lead, columns, children }: {
  id: string; title: string; lead?: string; columns: readonly TableColumn[]; children: ReactNode;
}) {
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead && <p className="muted small">{lead}</p>}
      <div className={consoleStyles.tableWrap} tabIndex={0} role="region" aria-labelledby={id}>
        <table className="table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col" className={column.isNumber ? "num" : undefined}>{column.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </section>
  );
}
