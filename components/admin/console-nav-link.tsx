"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A console menu link marked as the current page when the path is it (exact) or lies under it.
 * `exact` for links whose path is a prefix of their siblings' (the overview, a concert's details).
 */
export function ConsoleNavLink({ href, exact = false, className, children }: {
  href: string;
  exact?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const isCurrent = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} className={className} aria-current={isCurrent ? "page" : undefined}>
      {children}
    </Link>
  );
}
