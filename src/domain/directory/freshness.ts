/** A record nobody has confirmed for this many months is flagged as possibly out of date. */
export const staleAfterMonths = 12;

/** The moment `months` calendar months before `now` (the same day of the month, or its last day). */
export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now.getTime());
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date;
}

/** True when the record was last checked 12 months or more before `now`, or never. */
export function isStale(lastCheckedAt: string | null, now: Date): boolean {
  if (!lastCheckedAt) return true;
  const checked = Date.parse(lastCheckedAt);
  if (Number.isNaN(checked)) return true;
  return checked <= monthsBefore(now, staleAfterMonths).getTime();
}
