/** Times in the organizer's forms: `<input type="datetime-local">` values read in Beijing time (UTC+8, no
 * daylight saving), sent to the API with their offset, and API instants shown back in the same zone. */

const OFFSET_HOURS = 8;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-17T14:30" → "2026-12-17T14:30:00+08:00"; "" for an empty or malformed value. */
export function localToApi(value: string): string {
  return LOCAL.test(value) ? `${value}:00+08:00` : "";
}

/** An API instant → the datetime-local value in Beijing time ("" if there is none). */
export function apiToLocal(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Date(date.getTime() + OFFSET_HOURS * 3_600_000).toISOString().slice(0, 16);
}

/** A moment some days (and hours) from now as a datetime-local value, on the hour. */
export function localFromNow(days: number, hour: number, now: Date = new Date()): string {
  const shifted = new Date(now.getTime() + OFFSET_HOURS * 3_600_000 + days * 86_400_000);
  shifted.setUTCHours(hour, 0, 0, 0);
  return shifted.toISOString().slice(0, 16);
}

/** Whole days from `now` until an instant (rounded down; negative in the past). */
export function daysUntil(iso: string, now: number = Date.now()): number {
  return Math.floor((new Date(iso).getTime() - now) / 86_400_000);
}
