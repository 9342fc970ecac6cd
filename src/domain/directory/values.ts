import { looksLikeEmail } from '../accounts/email-address.js';
import { weekdays, type Weekday } from './model.js';

/** Trimmed text with spaces collapsed, or null when blank (or the "NA" some files use for "missing"). */
export function cleanText(value: unknown, options: { na?: boolean } = {}): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).replace(/\s+/g, ' ').trim();
  if (!text || (options.na && text.toUpperCase() === 'NA')) return null;
  return text;
}

/** An email address, or null when blank; `undefined` when it is not blank but not an email address either. */
export function cleanEmail(value: unknown): string | null | undefined {
  const text = cleanText(value, { na: true });
  if (text === null) return null;
  const email = text.replace(/^mailto:/i, '');
  return looksLikeEmail(email) ? email.toLowerCase() : undefined;
}

/** A web address with its scheme (www.example.org becomes https://www.example.org), or null. */
export function cleanUrl(value: unknown): string | null {
  const text = cleanText(value, { na: true });
  if (text === null || /\s/.test(text)) return null;
  // The host as written needs a dot: the URL parser reads "0x1F" as the address 0.0.0.31.
  const host = /^(?:https?:\/\/)?([^/?#]*)/i.exec(text)?.[1] ?? '';
  if (!host.includes('.')) return null;
  const withScheme = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return url.hostname.includes('.') ? url.toString().replace(/\/$/, text.endsWith('/') ? '/' : '') : null;
  } catch {
    return null;
  }
}

/** A UK postcode in its usual form ("m32 0ts" becomes "M32 0TS"), or null when it is not shaped like one. */
export function cleanPostcode(value: unknown): string | null {
  const text = cleanText(value, { na: true });
  if (text === null) return null;
  const compact = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!/^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/**
 * A number as files write one: a JSON number, or text of digits with an optional sign, point and exponent
 * ("12", "-2.5", "1e3"). Anything else is null, not what `Number()` makes of it ("0x1F" is not 31, "" not 0).
 */
export function numberFrom(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

/** A latitude and longitude pair inside the British Isles and nearby, or null. */
export function cleanPoint(
  latitude: unknown,
  longitude: unknown,
): { latitude: number; longitude: number } | null {
  const lat = numberFrom(latitude);
  const lng = numberFrom(longitude);
  if (lat === null || lng === null) return null;
  if (lat < 49 || lat > 61 || lng < -9 || lng > 3) return null;
  return { latitude: Math.round(lat * 1e6) / 1e6, longitude: Math.round(lng * 1e6) / 1e6 };
}

/** A whole-number age from 0 to 120, or null. */
export function cleanAge(value: unknown): number | null {
  const age = numberFrom(value);
  return age !== null && Number.isInteger(age) && age >= 0 && age <= 120 ? age : null;
}

/** A time of day as HH:MM ("9:30", "09:30:00", "9am", "5.30pm" all work), or null. */
export function cleanTime(value: unknown): string | null {
  const text = cleanText(value)?.toLowerCase();
  if (!text) return null;
  const match = /^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*(am|pm)?$/.exec(text);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  const half = match[4];
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const dayNames: Record<string, Weekday> = {
  mo: 'monday',
  tu: 'tuesday',
  we: 'wednesday',
  th: 'thursday',
  fr: 'friday',
  sa: 'saturday',
  su: 'sunday',
};

/** A weekday from a name or abbreviation ("Monday", "mon", "MO"), or null. */
export function cleanWeekday(value: unknown): Weekday | null {
  const text = cleanText(value)?.toLowerCase();
  if (!text) return null;
  const full = weekdays.find((day) => day === text || (text.length >= 3 && day.startsWith(text)));
  return full ?? dayNames[text.slice(0, 2)] ?? null;
}
