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

const yearOnly = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, year: "numeric" });
const monthDay = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, month: "long", day: "numeric" });

/** "2026년 12월 1일 ~ 12월 5일" style range of two dates (the year repeats only when it changes). */
export function formatDateRange(first: string | Date, last: string | Date): string {
  const a = formatDate(first);
  const b = formatDate(last);
  if (a === b) return a;
  const isSameYear = yearOnly.format(new Date(first)) === yearOnly.format(new Date(last));
  return `${a} ~ ${isSameYear ? monthDay.format(new Date(last)) : b}`;
}

/** 125 → "2:05" */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** 90 → "약 2분", 20 → "1분 이내" */
export function formatWait(seconds: number | null): string {
  if (seconds === null) return "계산 중";
  if (seconds < 60) return "1분 이내";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `약 ${minutes}분`;
  return `약 ${Math.floor(minutes / 60)}시간 ${minutes % 60}분`;
}

const hourMinute = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** 24-hour Seoul clock time, e.g. "19:30" (ticket sites show start times this way). */
export const formatHourMinute = (value: string | Date) => hourMinute.format(new Date(value));

/** "12월 4일 (금) 19:30" */
export const formatShortDateTime = (value: string | Date) => `${formatShortDate(value)} ${formatHourMinute(value)}`;
