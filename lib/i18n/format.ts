// Formatting for the Korean UI: won amounts and Seoul times.
export const LOCALE = "ko-KR";
export const TIME_ZONE = "Asia/Seoul";

const wonFormatter = new Intl.NumberFormat(LOCALE);

/** 150000 → "150,000원" */
export function formatWon(amount: number | bigint): string {
  return `${wonFormatter.format(amount)}원`;
}

const dateTime = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE, year: "numeric", month: "long", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit",
});
const dateOnly = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, year: "numeric", month: "long", day: "numeric" });
const shortDate = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, month: "long", day: "numeric", weekday: "short" });
const timeOnly = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", second: "2-digit" });

export const formatDateTime = (value: string | Date) => dateTime.format(new Date(value));
export const formatDate = (value: string | Date) => dateOnly.format(new Date(value));
export const formatShortDate = (value: string | Date) => shortDate.format(new Date(value));
export const formatTime = (value: string | Date) => timeOnly.format(new Date(value));

/** "2026년 12월 1일 ~ 12월 5일" style range of two dates. */
export function formatDateRange(first: string | Date, last: string | Date): string {
  const a = formatDate(first);
  const b = formatDate(last);
  return a === b ? a : `${a} ~ ${b}`;
}

/** 125 → "2:05" */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** 75 → "약 2분", 20 → "1분 이내" */
export function formatWait(seconds: number | null): string {
  if (seconds === null) return "계산 중";
  if (seconds < 60) return "1분 이내";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `약 ${minutes}분`;
  return `약 ${Math.floor(minutes / 60)}시간 ${minutes % 60}분`;
}
