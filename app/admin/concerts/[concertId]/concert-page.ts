import "server-only";
import { notFound } from "next/navigation";
import { readAdminConcert } from "@/lib/admin/read-admin-concerts";
import type { AdminConcert } from "@/lib/admin/concert-input";
import { db } from "@/lib/db";
import { requirePageOperator } from "@/lib/http/page-session";
import { parseId } from "@/lib/http/request";
import { isAppError } from "@/lib/errors";

/** A concert page of the console: the operator checked, then the concert, or "not found" for an id that names none. */
export async function requireConsoleConcert(concertIdParam: string, subpath = ""): Promise<AdminConcert> {
  await requirePageOperator(`/admin/concerts/${encodeURIComponent(concertIdParam)}${subpath}`);
  let concertId: string;
  try {
    concertId = parseId(concertIdParam, "concert");
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  }
  const concert = await readAdminConcert(db(), concertId);
  if (!concert) notFound();
  return concert;
}
