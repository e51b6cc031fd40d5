import { LOCALE } from "@/lib/i18n/format";

const countFormatter = new Intl.NumberFormat(LOCALE);

/** 12345 → "12,345" */
export const formatCount = (value: number) => countFormatter.format(value);

/** Time until an opening: "1:02:05" when an hour or more away, else "2:05". */
export function formatTimeUntil(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}
