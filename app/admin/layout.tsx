import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleFrame } from "@/components/admin/console-frame";
import { getCurrentUser } from "@/lib/http/page-session";
import { admin as t } from "@/lib/i18n/ko/admin";

export const metadata: Metadata = { title: { default: t.metaTitle, template: `%s · ${t.metaTitle}` } };

/**
 * The console's frame for operators; a fan is told the page is for operators. Each page checks the
 * role again itself (requirePageOperator) before it reads anything: this check only chooses the frame.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=%2Fadmin");
  if (user.role !== "ADMIN") {
    return (
      <div className="container narrow stack-lg empty-state">
        <h1>{t.forbidden.title}</h1>
        <p className="muted">{t.forbidden.body}</p>
        <Link href="/" className="btn btn--primary">{t.forbidden.back}</Link>
      </div>
    );
  }
  return <ConsoleFrame>{children}</ConsoleFrame>;
}
