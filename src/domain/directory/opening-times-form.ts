import { weekdays, type Weekday, type WeeklyOpening } from './model.js';
import { cleanTime } from './values.js';

/** The opening times form: what was typed for each day, such as "10:00 to 13:00, 14:00 to 16:00". */
export type OpeningTimesForm = Readonly<Record<Weekday, string>>;

export type OpeningTimesCheck =
  | { readonly ok: true; readonly schedules: readonly WeeklyOpening[] }
  | { readonly ok: false; readonly problems: Readonly<Record<string, string>> };

const dayName = (day: Weekday) => day.charAt(0).toUpperCase() + day.slice(1);

/** The form for a service's weekly openings: each day's sessions as "10:00 to 13:00", joined with commas. */
export function openingTimesFormFor(schedules: readonly WeeklyOpening[]): OpeningTimesForm {
  return Object.fromEntries(
    weekdays.map((day) => [
      day,
      schedules
        .filter((s) => s.day === day)
        .sort((a, b) => a.opens.localeCompare(b.opens))
        .map((s) => `${s.opens} to ${s.closes}`)
        .join(', '),
    ]),
  ) as OpeningTimesForm;
}

/**
 * Reads each day's box: blank for closed, or sessions separated by commas, each an opening and a closing time
 * ("10:00 to 13:00", "9am-1pm"). Problems are keyed `opening-<day>`.
 */
export function checkOpeningTimes(form: OpeningTimesForm): OpeningTimesCheck {
  const problems: Record<string, string> = {};
  const schedules: WeeklyOpening[] = [];
  for (const day of weekdays) {
    const typed = form[day].trim();
    if (!typed) continue;
    const sessions = typed.split(/\s*[,;]\s*|\s+and\s+/i).filter((s) => s !== '');
    for (const session of sessions) {
      const [from, to, ...rest] = session.split(/\s*(?:-|–|—|\bto\b|\buntil\b)\s*/i);
      const opens = cleanTime(from);
      const closes = cleanTime(to);
      if (rest.length > 0 || !opens || !closes) {
        problems[`opening-${day}`] =
          `Enter ${dayName(day)}’s times as an opening and a closing time, like 10:00 to 13:00, or leave it blank`;
        break;
      }
      if (closes <= opens) {
        problems[`opening-${day}`] = `On ${dayName(day)}, the closing time must be after the opening time`;
        break;
      }
      schedules.push({ day, opens, closes });
    }
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, schedules };
}
