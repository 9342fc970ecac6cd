/**
 * Dates as 360Giving files really write them: `2020-03-17`, `2020-03-17T00:00:00+00:00`,
 * `2020-03-17T00:00:00.000Z`, and (against the standard) UK `24/07/2014` or `13-03-2015`.
 */

export interface ReadDate {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** Set when the date was not in the standard's ISO 8601 form, to tell the person how it was read. */
  readonly note?: string;
}

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date a cell gives, or null when it is not a date. The date is taken as written, not shifted. */
export function readGrantDate(value: unknown): ReadDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return { date: value.toISOString().slice(0, 10) };
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return validDate(year, month, day) ? { date: `${iso[1]}-${iso[2]}-${iso[3]}` } : null;
  }
  const uk = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (uk) {
    const [day, month, year] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
    if (!validDate(year, month, day)) return null;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    return {
      date,
      note: `"${text}" is not in the standard's YYYY-MM-DD form: it was read as day/month/year, ${date}`,
    };
  }
  return null;
}

/** Whole months from one date to another (at least 1), for a planned duration the file leaves out. */
export function monthsBetween(start: string, end: string): number | null {
  const [sy, sm, sd] = start.split('-').map(Number);
  const [ey, em, ed] = end.split('-').map(Number);
  if ([sy, sm, sd, ey, em, ed].some((n) => n === undefined || Number.isNaN(n))) return null;
  let months = ((ey ?? 0) - (sy ?? 0)) * 12 + ((em ?? 0) - (sm ?? 0));
  if ((ed ?? 0) + 1 >= (sd ?? 0)) months += 1; // an end date the day before the start day completes the month
  return months > 0 ? months : null;
}
