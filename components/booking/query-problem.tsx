"use client";

import Link from "next/link";
import { ADMISSION_ERROR_CODES } from "@/components/booking/booking-queries";
import { ApiError } from "@/lib/client/api";
import { booking as t } from "@/lib/i18n/ko/booking";
import { common } from "@/lib/i18n/ko/common";

/** A failed load: back to the line when the turn is over, else a retry. */
export function QueryProblem({ concertId, error, onRetry }: { concertId: string; error: unknown; onRetry: () => void }) {
  const isAdmission = error instanceof ApiError && ADMISSION_ERROR_CODES.has(error.code);
  return (
    <div role="alert" className="alert alert--error stack">
      <p>{isAdmission ? t.errors.admissionEnded : t.errors.load}</p>
      <div>
        {isAdmission ? (
          <Link href={`/concerts/${concertId}/queue`} className="btn btn--primary btn--small">{t.admission.rejoin}</Link>
        ) : (
          <button type="button" className="btn btn--small" onClick={onRetry}>{common.retry}</button>
        )}
      </div>
    </div>
  );
}
