import { LOCALE } from "@/lib/i18n/format";
import { queue as t } from "@/lib/i18n/ko/queue";

const countFormatter = new Intl.NumberFormat(LOCALE);

/** 12345 → "12,345" */
export const formatCount = (value: number) => countFormatter.format(value);

/**
 * Time until an opening, rounded down (never more than is left): "1일 21시간"
 * a day or more away, "3시간 5분" an hour or more away, then "47:05" ticking.
 */
export function formatTimeUntil(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return t.prequeue.daysAndHours(days, hours);
  if (hours > 0) return t.prequeue.hoursAndMinutes(hours, minutes);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}
